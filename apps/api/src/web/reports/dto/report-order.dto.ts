import { IsIn, IsUUID } from 'class-validator';

/** What the report buttons of the benchmark view ask for next: the preview or the PDF. */
export const REPORT_INTENTS = ['preview', 'pdf'] as const;
export type ReportIntent = (typeof REPORT_INTENTS)[number];

/** The report form of the benchmark view: the unit's report in the page's language. */
export class ReportOrderDto {
  /** The unit the report is for. */
  @IsUUID('all')
  unitId!: string;

  /** The button pressed: "Report (preview)" or "Download PDF". */
  @IsIn(REPORT_INTENTS)
  intent!: ReportIntent;
}
