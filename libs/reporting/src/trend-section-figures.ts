import { ReleasedFigure, TrendFigure } from '@app/domain';
import { ReportFigure } from './company-report-model';
import { NO_VALUE } from './report-format.util';
import { WithheldFigures } from './trend-withheld-figures';
import { ReportNote } from './trend-report-model';

/** The table cells of one section: a figure's text, or the dash with its mark when withheld. */
export class SectionFigures {
  private readonly marks = new Set<string>();

  constructor(private readonly withheld: WithheldFigures) {}

  /**
   * A cell of the figure: `format` of the released figure, or `–` with the mark of the reason,
   * the figure recorded under `subject` and `what` for the appendix.
   */
  cell<T>(
    figure: TrendFigure<T>,
    subject: string,
    what: string,
    format: (released: ReleasedFigure<T>) => string,
  ): ReportFigure {
    const checked = this.withheld.check(figure);
    if (checked.released) {
      return { text: format(checked), mark: null };
    }
    const mark = this.withheld.mark(checked.suppression, subject, what);
    this.marks.add(mark);
    return { text: NO_VALUE, mark };
  }

  /** The notes of the marks this section printed, in mark order. */
  notes(): ReportNote[] {
    return [...this.marks]
      .sort((a, b) => Number(a) - Number(b))
      .map((mark) => this.withheld.note(mark));
  }
}
