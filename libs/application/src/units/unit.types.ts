import type { UnitProfile } from '@app/domain';

/** A contact center as its company and its publishers read it: name and profile. */
export interface UnitView {
  id: string;
  /** The company the unit belongs to. */
  companyId: string;
  name: string;
  profile: UnitProfile;
}

/** A new unit: its name and profile but the size band, which follows from the agent FTE. */
export type NewUnitInput = Omit<UnitProfile, 'sizeBand'> & { name: string };

/** The changes to a unit's name and profile; what is left out stays. */
export type UnitChanges = Partial<NewUnitInput>;
