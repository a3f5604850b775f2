import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { PageRenderer } from '../views/page-renderer';

/** A day; the layout links the stylesheet with its hash (`?v=`), so a new one is a new URL. */
const MAX_AGE_S = 24 * 60 * 60;

/** The static files of the pages: the one stylesheet, joined from `templates/pages/styles/`. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  constructor(private readonly pages: PageRenderer) {}

  @Get('cockpit.css')
  @Public()
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', `public, max-age=${MAX_AGE_S}`)
  stylesheet(): string {
    return this.pages.templates.stylesheet;
  }
}
