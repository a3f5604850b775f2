/** Keeps the last lines a child process printed, to explain a failure without logging everything. */
export class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly maxLines = 40) {}

  /** Adds a chunk of output; returns the complete lines it finished. */
  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    const complete = parts.filter((line) => line.trim().length > 0);
    this.lines.push(...complete);
    if (this.lines.length > this.maxLines) {
      this.lines.splice(0, this.lines.length - this.maxLines);
    }
    return complete;
  }

  text(): string {
    return [...this.lines, this.partial].filter((line) => line.trim().length > 0).join('\n');
  }

  clear(): void {
    this.lines.length = 0;
    this.partial = '';
  }
}
