import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError, DomainErrorCode } from '@app/domain';
import { DEFAULT_SPREADSHEET_LIMITS, SPREADSHEET_MESSAGES as M } from '@app/spreadsheet';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { languageOf } from '../common/request-context';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

export type { UploadedSpreadsheetFile } from '@app/application';

const MulterFile = FileInterceptor(UPLOAD_FIELD, {
  // Multer stops reading at the limit and drains the rest, so a huge upload never sits in
  // memory; a few small text fields (the version) are all a form needs besides.
  limits: {
    fileSize: DEFAULT_SPREADSHEET_LIMITS.maxFileBytes,
    files: 1,
    fields: 5,
    parts: 6,
    fieldSize: 1024,
  },
});

/**
 * Reads one spreadsheet from the multipart field `file` into memory, within the upload limit,
 * and turns multer's refusals into domain errors with messages in the request's language
 * (413 for a file over the limit, 422 for a malformed upload).
 */
@Injectable()
export class SpreadsheetUploadInterceptor extends MulterFile implements NestInterceptor {
  override async intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (e: unknown) {
      if (!(e instanceof HttpException)) {
        throw e;
      }
      const request = context.switchToHttp().getRequest<Request>();
      const language = languageOf(request.headers['accept-language']);
      if (e.getStatus() === Number(HttpStatus.PAYLOAD_TOO_LARGE)) {
        const message = M.fileTooLarge(DEFAULT_SPREADSHEET_LIMITS.maxFileBytes, language);
        throw new DomainError(DomainErrorCode.PayloadTooLarge, message, [
          { key: UPLOAD_FIELD, rule: 'file_size', message },
        ]);
      }
      const message = M.badUpload(e.message, language);
      throw new DomainError(DomainErrorCode.ValidationFailed, message, [
        { key: UPLOAD_FIELD, rule: 'upload', message },
      ]);
    }
  }
}
