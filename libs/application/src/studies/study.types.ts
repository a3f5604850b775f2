import type { CycleState, ProfileDimension } from '@app/domain';
import type { Language } from '../common/caller';

/** A new study: its name, the catalogue version it pins, its languages and peer groups. */
export interface NewStudyInput {
  name: string;
  /** One of the publisher's own catalogue versions. */
  catalogueVersionId: string;
  languages?: Language[];
  /** The profile dimensions that form predefined peer groups. */
  peerGroupDimensions?: ProfileDimension[];
}

/** The changes to a study; what is left out stays. */
export interface StudyChanges {
  name?: string;
  catalogueVersionId?: string;
  languages?: Language[];
}

/** A cycle's deadline and reminders; a field left out keeps its value, null clears the deadline. */
export interface CycleDeadline {
  /** A date (the end of that day in UTC) or an ISO 8601 date and time with its offset. */
  submissionDeadline?: string | null;
  /** Days from the deadline on which the units that have not submitted are reminded. */
  reminderOffsets?: number[];
}

/** A cycle of a study as its publisher and participants read it. */
export interface CycleView {
  id: string;
  studyId: string;
  year: number;
  state: CycleState;
  closedAt: string | null;
  publishedAt: string | null;
  publishedSnapshotId: string | null;
  submissionDeadline: string | null;
  reminderOffsets: number[];
}

/** A cycle as a study lists it. */
export interface StudyCycle {
  id: string;
  year: number;
  state: CycleState;
}

/** A study as its publisher and participants read it. */
export interface StudyView {
  id: string;
  name: string;
  /** The publisher running the study. */
  publisherId: string;
  catalogueVersionId: string;
  languages: Language[];
  peerGroupDimensions: ProfileDimension[];
  disclosurePolicy: Record<string, unknown>;
  cycles: StudyCycle[];
}

/** A company's enrolment in a study. */
export interface ParticipationView {
  id: string;
  studyId: string;
  companyId: string;
  companyName: string;
  createdAt: string;
}

/** A stored catalogue version, without its definition. */
export interface CatalogueVersionView {
  id: string;
  key: string;
  version: number;
  hash: string;
  createdAt: string;
}

/** A catalogue version with its definition. */
export interface CatalogueView extends CatalogueVersionView {
  definition: Record<string, unknown>;
}
