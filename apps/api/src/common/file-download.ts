import { StreamableFile } from '@nestjs/common';

/** A generated file as the api hands it out. */
export interface FileResult {
  buffer: Buffer;
  type: string;
  fileName: string;
}

/** The file as an attachment under its name (ASCII fallback and the UTF-8 form). */
export function download(file: FileResult): StreamableFile {
  return new StreamableFile(file.buffer, {
    type: file.type,
    length: file.buffer.length,
    disposition: `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
