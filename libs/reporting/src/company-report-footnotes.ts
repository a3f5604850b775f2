/**
 * Hands out footnote marks 1, 2, ... in document order, one per distinct note, so that the same
 * reason carries the same mark throughout the report.
 */
export class Footnotes {
  private readonly marks = new Map<string, string>();

  mark(text: string): string {
    let mark = this.marks.get(text);
    if (mark === undefined) {
      mark = String(this.marks.size + 1);
      this.marks.set(text, mark);
    }
    return mark;
  }
}
