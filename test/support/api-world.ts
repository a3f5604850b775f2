import { startApp, TestApp } from './app';
import { createOrganisation, createStudyWorld, createUser, TestUser } from './factories';

/** The api with a study world and a user of each kind the api specs sign in as. */
export interface ApiWorld {
  t: TestApp;
  world: Awaited<ReturnType<typeof createStudyWorld>>;
  publisherAdmin: TestUser;
  companyAdmin: TestUser;
  companyViewer: TestUser;
  otherPublisherAdmin: TestUser;
  otherCompanyAdmin: TestUser;
}

/**
 * Starts the api and makes a study world with a publisher admin, a company admin and viewer,
 * and a publisher and a company admin of other tenants.
 */
export async function startApiWorld(): Promise<ApiWorld> {
  const t = await startApp();
  const world = await createStudyWorld();
  return {
    t,
    world,
    publisherAdmin: await createUser(world.publisher, 'publisher_admin'),
    companyAdmin: await createUser(world.company, 'company_admin'),
    companyViewer: await createUser(world.company, 'company_viewer'),
    otherPublisherAdmin: await createUser(await createOrganisation('publisher'), 'publisher_admin'),
    otherCompanyAdmin: await createUser(await createOrganisation('company'), 'company_admin'),
  };
}
