import { StreamableFile } from '@nestjs/common';
import type { FileResult } from '@app/application';

export type { FileResult } from '@app/application';

/** The file as an attachment under its name (ASCII fallback and the UTF-8 form). */
export function download(file: FileResult): StreamableFile {
  return new StreamableFile(file.buffer, {
    type: file.type,
    length: file.buffer.length,
    disposition: `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
