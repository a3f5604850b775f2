import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { Page, PageContext } from '../views/page-context';
import { PageRenderer } from '../views/page-renderer';
import { companyHomeModel, platformHomeModel, publisherHomeModel } from './home-page.model';
import { HomeService } from '@app/application';

/** The home page: what the signed-in person's organisation has to do and to see. */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    private readonly home: HomeService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @UseCase(Action.HomeView)
  async show(@Caller() caller: CallerContext, @Page() page: PageContext): Promise<string> {
    const home = await this.home.home(caller.actor);
    switch (home.kind) {
      case 'company':
        return this.pages.render(
          page,
          'home/company',
          companyHomeModel(home, page, caller.actor.role),
        );
      case 'publisher':
        return this.pages.render(page, 'home/publisher', publisherHomeModel(home, page));
      case 'platform':
        return this.pages.render(page, 'home/platform', platformHomeModel(home, page));
    }
  }
}
