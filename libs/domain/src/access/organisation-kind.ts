export const ORGANISATION_KINDS = ['platform', 'publisher', 'company'] as const;
/** A tenant is the platform operator, a publisher that runs studies, or a participating company. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
