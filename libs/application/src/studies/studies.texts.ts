import type { LocalizedMessage } from '@app/domain';

/**
 * What the studies service says about one field of a refused request, in both languages; the
 * exception filters show each in the reader's language.
 */
export const STUDY_FIELD_PROBLEMS = {
  cycleYearTaken: (year: number): LocalizedMessage => ({
    de: `Für ${year} gibt es schon einen Zyklus.`,
    en: `A cycle for ${year} exists already.`,
  }),
  notACompany: {
    de: 'companyId muss die Id eines Unternehmens sein.',
    en: 'companyId must be the id of a company.',
  },
  notOwnCatalogueVersion: {
    de: 'catalogueVersionId muss eine Ihrer Fragebogenversionen sein.',
    en: 'catalogueVersionId must be one of your catalogue versions.',
  },
} as const satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
