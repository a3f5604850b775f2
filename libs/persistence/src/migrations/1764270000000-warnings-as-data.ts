import { Catalogue, CatalogueDefinition, loadCatalogue, warningMessage } from '@app/domain';
import type { SubmissionWarning } from '@app/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A warning as it was stored before: its sentence in the language of whoever saved it. */
interface StoredText {
  key: string;
  rule: string;
  message: string;
}

type Stored = SubmissionWarning | StoredText;

// The sentences as the code wrote them until this migration, in both languages, with the
// figures' names; the label before ": " is the catalogue's and is not needed.
const SENTENCES: readonly {
  rule: string;
  language: 'de' | 'en';
  pattern: RegExp;
  names: string[];
}[] = [
  {
    rule: 'previous_cycle_deviation',
    language: 'en',
    pattern: /^.*: (.+?) is (?:more than twice|less than half of) last cycle's value of (.+)\.$/s,
    names: ['value', 'previous'],
  },
  {
    rule: 'previous_cycle_deviation',
    language: 'de',
    pattern:
      /^.*: (.+?) ist (?:mehr als das Doppelte|weniger als die Hälfte) des Vorjahreswerts von (.+)\.$/s,
    names: ['value', 'previous'],
  },
  {
    rule: 'benchmark_range',
    language: 'en',
    pattern:
      /^.*: (.+?) is outside the usual range of (.+?) to (.+) in the last published benchmark\.$/s,
    names: ['value', 'lower', 'upper'],
  },
  {
    rule: 'benchmark_range',
    language: 'de',
    pattern:
      /^.*: (.+?) liegt außerhalb des üblichen Bereichs von (.+?) bis (.+) im zuletzt veröffentlichten Benchmark\.$/s,
    names: ['value', 'lower', 'upper'],
  },
];

/** The number at the start of a quantity such as "1.234,5 Kontakte" or "-12 %". */
function numberOf(quantity: string, language: 'de' | 'en'): number | undefined {
  const digits = /^-?[\d.,]+/.exec(quantity)?.[0];
  if (digits === undefined) {
    return undefined;
  }
  const plain =
    language === 'de' ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The data of a warning stored as a sentence: the figures read back from the German or English
 * sentence (as rounded as they were shown), none for a cross-field rule, whose sentence the
 * catalogue holds. `undefined` for a sentence of no known form.
 */
export function warningFromText(warning: StoredText): SubmissionWarning | undefined {
  const { key, rule } = warning;
  if (rule.startsWith('rule:')) {
    return { key, rule, params: {} };
  }
  for (const sentence of SENTENCES.filter((s) => s.rule === rule)) {
    const match = sentence.pattern.exec(warning.message);
    const values = match?.slice(1).map((q) => numberOf(q, sentence.language));
    if (values?.every((v) => v !== undefined)) {
      const params = Object.fromEntries(sentence.names.map((name, i) => [name, values[i]]));
      return { key, rule, params };
    }
  }
  return undefined;
}

interface Row {
  id: string;
  warnings: Stored[];
  version_id: string;
  definition: CatalogueDefinition;
}

async function submissionsWithWarnings(q: QueryRunner): Promise<Row[]> {
  const rows = (await q.query(
    `SELECT s.id, s.warnings, v.id AS version_id, v.definition
       FROM submissions s
       JOIN cycles c ON c.id = s.cycle_id
       JOIN studies st ON st.id = c.study_id
       JOIN catalogue_versions v ON v.id = st.catalogue_version_id
      WHERE jsonb_array_length(s.warnings) > 0`,
  )) as Row[];
  return rows;
}

async function store(q: QueryRunner, rows: { id: string; warnings: Stored[] }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await q.query(
      `UPDATE submissions s SET warnings = r.warnings
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, warnings jsonb)
        WHERE s.id = r.id`,
      [JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
}

/**
 * Plausibility warnings become data (`{ key, rule, params }`) rendered in the reader's
 * language, instead of sentences in the language of whoever saved the answers. A sentence of
 * no known form stops the migration with the submission's id rather than losing the warning
 * a reviewer relies on.
 */
export class WarningsAsData1764270000000 implements MigrationInterface {
  name = 'WarningsAsData1764270000000';

  async up(q: QueryRunner): Promise<void> {
    const rows = await submissionsWithWarnings(q);
    await store(
      q,
      rows.map(({ id, warnings }) => ({
        id,
        warnings: warnings.map((w) => {
          if ('params' in w) {
            return w;
          }
          const data = warningFromText(w);
          if (!data) {
            throw new Error(
              `submission ${id}: warning ${w.rule}|${w.key} of unknown form: ${w.message}`,
            );
          }
          return data;
        }),
      })),
    );
  }

  /** Back to sentences, in English: the language of a stored sentence is not kept. */
  async down(q: QueryRunner): Promise<void> {
    const rows = await submissionsWithWarnings(q);
    const catalogues = new Map<string, Catalogue>();
    await store(
      q,
      rows.map(({ id, warnings, version_id, definition }) => {
        const catalogue = catalogues.get(version_id) ?? loadCatalogue(definition);
        catalogues.set(version_id, catalogue);
        return {
          id,
          warnings: warnings.map((w) =>
            'params' in w
              ? { key: w.key, rule: w.rule, message: warningMessage(catalogue, w, 'en') }
              : w,
          ),
        };
      }),
    );
  }
}
