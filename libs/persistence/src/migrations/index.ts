import { Foundation1764160000000 } from './1764160000000-foundation';
import { Submissions1764170000000 } from './1764170000000-submissions';
import { PublisherImport1764175000000 } from './1764175000000-publisher-import';
import { Snapshots1764190000000 } from './1764190000000-snapshots';
import { Reports1764200000000 } from './1764200000000-reports';
import { Trends1764210000000 } from './1764210000000-trends';
import { PeerGroupRequests1764220000000 } from './1764220000000-peer-group-requests';
import { UserEmailPerTenant1764230000000 } from './1764230000000-user-email-per-tenant';
import { FunctionPrivileges1764240000000 } from './1764240000000-function-privileges';
import { ApiKeyScopes1764260000000 } from './1764260000000-api-key-scopes';
import { UnfinishedWork1764250000000 } from './1764250000000-unfinished-work';
import { WarningsAsData1764270000000 } from './1764270000000-warnings-as-data';
import { FrozenInputsReadable1764275000000 } from './1764275000000-frozen-inputs-readable';
import { WorkFailuresAsData1764290000000 } from './1764290000000-work-failures-as-data';
import { AuditPerWrite1764295000000 } from './1764295000000-audit-per-write';
import { MailOutbox1764300000000 } from './1764300000000-mail-outbox';
import { ReportBatchReports1764310000000 } from './1764310000000-report-batch-reports';
import { Invitations1764320000000 } from './1764320000000-invitations';
import { DeadlinesAndNotifications1764330000000 } from './1764330000000-deadlines-and-notifications';
import { CatalogueDrafts1764360000000 } from './1764360000000-catalogue-drafts';
import { PublisherCyclesPerStatement1764410000000 } from './1764410000000-publisher-cycles-per-statement';
import { CachedPlanAccessChecks1764440000000 } from './1764440000000-cached-plan-access-checks';
import { Lz4SubmissionJson1764480000000 } from './1764480000000-lz4-submission-json';
import { SnapshotSourceInOneRead1764490000000 } from './1764490000000-snapshot-source-in-one-read';
import { AuditChangesAsTuples1764510000000 } from './1764510000000-audit-changes-as-tuples';

/** Every migration in order; listed explicitly so that bundled apps need no file globbing. */
export const MIGRATIONS = [
  Foundation1764160000000,
  Submissions1764170000000,
  PublisherImport1764175000000,
  Snapshots1764190000000,
  Reports1764200000000,
  Trends1764210000000,
  PeerGroupRequests1764220000000,
  UserEmailPerTenant1764230000000,
  FunctionPrivileges1764240000000,
  UnfinishedWork1764250000000,
  ApiKeyScopes1764260000000,
  WarningsAsData1764270000000,
  FrozenInputsReadable1764275000000,
  WorkFailuresAsData1764290000000,
  AuditPerWrite1764295000000,
  MailOutbox1764300000000,
  ReportBatchReports1764310000000,
  Invitations1764320000000,
  DeadlinesAndNotifications1764330000000,
  CatalogueDrafts1764360000000,
  PublisherCyclesPerStatement1764410000000,
  CachedPlanAccessChecks1764440000000,
  Lz4SubmissionJson1764480000000,
  SnapshotSourceInOneRead1764490000000,
  AuditChangesAsTuples1764510000000,
];
