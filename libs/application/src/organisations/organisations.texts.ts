import type { LocalizedMessage } from '@app/domain';

/** The refusals of the operator's use-cases on tenants in both languages. */
export const ORGANISATION_TEXTS = {
  platformStays: {
    de: 'Die Organisation des Plattformbetreibers kann nicht gesperrt werden.',
    en: "The platform operator's own organisation cannot be disabled.",
  },
} as const satisfies Record<string, LocalizedMessage>;
