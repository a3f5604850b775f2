import { ApiKeyEntity } from './api-key.entity';
import { CatalogueVersionEntity } from './catalogue-version.entity';
import { CycleEntity } from './cycle.entity';
import { OrganisationEntity } from './organisation.entity';
import { ParticipationEntity } from './participation.entity';
import { ReportBatchEntity } from './report-batch.entity';
import { ReportEntity } from './report.entity';
import { SnapshotEntity } from './snapshot.entity';
import { StudyEntity } from './study.entity';
import { SubmissionAuditEntity } from './submission-audit.entity';
import { SubmissionEntity } from './submission.entity';
import { TrendEntity } from './trend.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export {
  ApiKeyEntity,
  CatalogueVersionEntity,
  CycleEntity,
  OrganisationEntity,
  ParticipationEntity,
  ReportBatchEntity,
  ReportEntity,
  SnapshotEntity,
  StudyEntity,
  SubmissionAuditEntity,
  SubmissionEntity,
  TrendEntity,
  UnitEntity,
  UserEntity,
};

export const ENTITIES = [
  ApiKeyEntity,
  CatalogueVersionEntity,
  CycleEntity,
  OrganisationEntity,
  ParticipationEntity,
  ReportBatchEntity,
  ReportEntity,
  SnapshotEntity,
  StudyEntity,
  SubmissionAuditEntity,
  SubmissionEntity,
  TrendEntity,
  UnitEntity,
  UserEntity,
];

export type {
  SubmissionAuditAction,
  SubmissionAuditChange,
  SubmissionAuditValue,
} from './submission-audit.entity';
export type { SnapshotState } from './snapshot.entity';
export type { ReportState } from './report.entity';
