/**
 * What a cycle import returns, as a plain type: the api's DTO class of the same name
 * implements it with its OpenAPI decorators.
 */
export interface CycleImportResultDto {
  cycleId: string;
  /** Units (rows) in the file. */
  units: number;
  /** Drafts created for units that had no submission. */
  created: number;
  /** Drafts whose answers changed. */
  updated: number;
  /** Drafts whose answers were the same already. */
  unchanged: number;
}
