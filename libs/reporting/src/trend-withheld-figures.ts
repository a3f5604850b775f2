import {
  DisclosurePolicy,
  ReleasedFigure,
  Suppression,
  SUPPRESSION_REASONS,
  suppressedFigure,
  TrendFigure,
} from '@app/domain';
import { ReportLanguage } from './report-format.util';
import { REPORT_SENTENCES } from './report-sentences';
import { SUPPRESSION_RULE_LABELS } from './report-texts';
import { SectionFigures } from './trend-section-figures';
import { ReportNote, TrendWithheldGroup } from './trend-report-model';
import { capitalized } from './trend-figure-format.util';

/**
 * The withheld figures of the report, by rule and reason. Each reason gets a footnote mark, 1, 2,
 * ... in document order; the appendix lists what each one withholds. It is also the one place
 * that decides whether a figure may be shown at all: released by the trend data *and* resting on
 * at least the policy's `minN` units, so that trend data computed under a laxer policy than the
 * report's cannot slip a small figure through.
 */
export class WithheldFigures {
  private readonly groups = new Map<
    string,
    { mark: string; suppression: Suppression; subjects: Map<string, string[]> }
  >();

  constructor(
    private readonly policy: DisclosurePolicy,
    private readonly language: ReportLanguage,
  ) {}

  /** The figure as the report may show it: withheld by `min_n` if it rests on too few units. */
  check<T>(figure: TrendFigure<T>): TrendFigure<T> {
    return figure.released && !(figure.n >= this.policy.minN)
      ? suppressedFigure(SUPPRESSION_REASONS.minN(this.policy))
      : figure;
  }

  /** The released figure, or null: for sentences and charts, which show nothing withheld. */
  released<T>(figure: TrendFigure<T>): ReleasedFigure<T> | null {
    const checked = this.check(figure);
    return checked.released ? checked : null;
  }

  /** Records a withheld figure and returns the mark of its reason. */
  mark(suppression: Suppression, subject: string, what: string): string {
    const key = `${suppression.rule}\n${suppression.reason[this.language]}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { mark: String(this.groups.size + 1), suppression, subjects: new Map() };
      this.groups.set(key, group);
    }
    const whats = group.subjects.get(subject) ?? [];
    if (!whats.includes(what)) {
      whats.push(what);
    }
    group.subjects.set(subject, whats);
    return group.mark;
  }

  /** A section's collector of the marks it prints. */
  section(): SectionFigures {
    return new SectionFigures(this);
  }

  note(mark: string): ReportNote {
    const group = [...this.groups.values()].find((g) => g.mark === mark);
    if (group === undefined) {
      throw new Error(`no withheld figure has the mark ${mark}`);
    }
    return { mark, text: this.notText(group.suppression) };
  }

  appendix(): TrendWithheldGroup[] {
    return [...this.groups.values()].map((group) => ({
      mark: group.mark,
      rule: capitalized(SUPPRESSION_RULE_LABELS[group.suppression.rule][this.language]),
      reason: group.suppression.reason[this.language],
      entries: [...group.subjects].map(([subject, whats]) => ({ subject, what: whats.join('; ') })),
    }));
  }

  private notText(suppression: Suppression): string {
    return REPORT_SENTENCES.notReleased(
      SUPPRESSION_RULE_LABELS[suppression.rule][this.language],
      suppression.reason[this.language],
      this.language,
    );
  }
}
