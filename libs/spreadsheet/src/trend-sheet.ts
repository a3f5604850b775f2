import {
  type Catalogue,
  type MessageLanguage,
  type Suppression,
  type TrendFigure,
} from '@app/domain';
import { type TableValue } from './table-writer';
import { TREND_WORKBOOK_TEXTS as T } from './trend-workbook-texts';

/** A column of a sheet: its header, the narrowest width and an optional note on the header. */
interface SheetColumn {
  header: string;
  minWidth: number;
  note?: string;
}

/** A sheet's content in the chosen language, before it is written. */
export interface TrendSheet {
  columns: SheetColumn[];
  rows: TableValue[][];
  /** Data sheets get a filter on the header row; the method sheet is prose. */
  filter: boolean;
}

export const column = (header: string, minWidth: number, note?: string): SheetColumn => ({
  header,
  minWidth,
  note,
});

/** The figure's value (picked), or null: a withheld or absent figure has none to give. */
export function valueOf<T, U>(figure: TrendFigure<T> | undefined, pick: (value: T) => U): U | null {
  return figure?.released === true ? pick(figure.value) : null;
}

/** The figure's n, or null: a withheld figure does not even say how many units it rests on. */
export function nOf(figure: TrendFigure<unknown> | undefined): number | null {
  return figure?.released === true ? figure.n : null;
}

export function reasonText(suppression: Suppression, language: MessageLanguage): string {
  return `${suppression.rule}: ${suppression.reason[language]}`;
}

/**
 * The withheld column of a row: rule and reason of each withheld figure, prefixed with the
 * figure's name where a row holds several; null when all are released.
 */
export function withheldText(
  figures: ReadonlyArray<readonly [prefix: string | null, figure: TrendFigure<unknown>]>,
  language: MessageLanguage,
): string | null {
  const parts = figures.flatMap(([prefix, figure]) =>
    figure.released
      ? []
      : [
          prefix === null
            ? reasonText(figure.suppression, language)
            : `${prefix}: ${reasonText(figure.suppression, language)}`,
        ],
  );
  return parts.length === 0 ? null : parts.join('; ');
}

/** Label and unit of a KPI from the catalogue; empty when the catalogue lacks the key. */
export function kpiText(
  catalogue: Catalogue,
  key: string,
  language: MessageLanguage,
): { label: string | null; unit: string | null } {
  const item = catalogue.item(key);
  return { label: item?.label[language] ?? null, unit: item?.unit ?? null };
}

/**
 * The withheld column of a row with a distribution and, for a weighted KPI, a pooled figure:
 * unprefixed as before for a KPI without a weight, each reason named by its figure otherwise.
 */
export function kpiWithheldText(
  distribution: TrendFigure<unknown>,
  pooled: TrendFigure<unknown> | undefined,
  language: MessageLanguage,
): string | null {
  return pooled === undefined
    ? withheldText([[null, distribution]], language)
    : withheldText(
        [
          [T.distribution[language], distribution],
          [T.pooled[language], pooled],
        ],
        language,
      );
}
