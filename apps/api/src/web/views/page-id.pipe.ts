import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';

/**
 * The id pipe of page routes: `@Param('cycleId', PageIdPipe) cycleId: string`. A malformed id in
 * an address is a page that does not exist (404 page), not a bad request.
 */
export const PageIdPipe = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
