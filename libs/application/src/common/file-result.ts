/** A generated file as a use-case hands it out: the transport sends it as a download. */
export interface FileResult {
  buffer: Buffer;
  type: string;
  fileName: string;
}
