import {
  DEMO_CATALOGUE,
  loadCatalogue,
  PROFILE_DIMENSIONS,
  DEFAULT_DISCLOSURE_POLICY,
  DisclosurePolicy,
  sizeBandFor,
  type CatalogueDefinition,
  type CycleState,
  type OrganisationKind,
  type Role,
  kpiVector,
} from '@app/domain';
import {
  CatalogueVersionEntity,
  CycleEntity,
  dataSourceOptions,
  OrganisationEntity,
  ParticipationEntity,
  StudyEntity,
  SubmissionEntity,
  UnitEntity,
  UserEntity,
} from '@app/persistence';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ownerUrl } from './test-env';

export const TEST_PASSWORD = 'correct-horse-battery';

let ownerDb: DataSource | undefined;
let passwordHash: Promise<string> | undefined;

/** The owner connection for arranging test data; it bypasses row-level security. */
export async function ownerDataSource(): Promise<DataSource> {
  if (!ownerDb) {
    ownerDb = new DataSource(dataSourceOptions(ownerUrl(), 2));
    await ownerDb.initialize();
  }
  return ownerDb;
}

export async function closeOwnerDataSource(): Promise<void> {
  await ownerDb?.destroy();
  ownerDb = undefined;
}

const unique = () => randomUUID().slice(0, 8);

export async function createOrganisation(
  kind: OrganisationKind,
  name?: string,
): Promise<OrganisationEntity> {
  const db = await ownerDataSource();
  return db.getRepository(OrganisationEntity).save({ kind, name: name ?? `${kind} ${unique()}` });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  tenantId: string;
  role: Role;
}

export async function createUser(organisation: OrganisationEntity, role: Role): Promise<TestUser> {
  const db = await ownerDataSource();
  passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
  const email = `${role}.${unique()}@test.example`;
  const user = await db.getRepository(UserEntity).save({
    tenantId: organisation.id,
    email,
    name: `Test ${role}`,
    role,
    passwordHash: await passwordHash,
    preferredLanguage: 'de',
  });
  return { id: user.id, email, password: TEST_PASSWORD, tenantId: organisation.id, role };
}

export async function createCatalogueVersion(
  publisher: OrganisationEntity,
  definition: CatalogueDefinition = DEMO_CATALOGUE,
): Promise<CatalogueVersionEntity> {
  const db = await ownerDataSource();
  return db.getRepository(CatalogueVersionEntity).save({
    tenantId: publisher.id,
    key: `${definition.key}-${unique()}`,
    version: definition.version,
    definition,
    hash: loadCatalogue(definition).hash,
  });
}

export async function createStudy(
  publisher: OrganisationEntity,
  name?: string,
  policy: Partial<DisclosurePolicy> = {},
): Promise<StudyEntity> {
  const db = await ownerDataSource();
  const catalogue = await createCatalogueVersion(publisher);
  return db.getRepository(StudyEntity).save({
    tenantId: publisher.id,
    name: name ?? `Study ${unique()}`,
    catalogueVersionId: catalogue.id,
    languages: ['de', 'en'],
    peerGroupDimensions: [...PROFILE_DIMENSIONS],
    peerGroupPairs: [['industry', 'sizeBand']],
    disclosurePolicy: { ...DEFAULT_DISCLOSURE_POLICY, ...policy },
  });
}

export async function createCycle(
  study: StudyEntity,
  year = 2026,
  state: CycleState = 'open',
): Promise<CycleEntity> {
  const db = await ownerDataSource();
  return db
    .getRepository(CycleEntity)
    .save({ tenantId: study.tenantId, studyId: study.id, year, state });
}

export async function enrol(
  study: StudyEntity,
  company: OrganisationEntity,
): Promise<ParticipationEntity> {
  const db = await ownerDataSource();
  return db.getRepository(ParticipationEntity).save({
    tenantId: study.tenantId,
    studyId: study.id,
    companyId: company.id,
  });
}

export async function createUnit(
  company: OrganisationEntity,
  agentFte = 120,
  profile: Partial<Pick<UnitEntity, 'industry' | 'country' | 'customerType' | 'sourcing'>> = {},
): Promise<UnitEntity> {
  const db = await ownerDataSource();
  return db.getRepository(UnitEntity).save({ ...unitOf(company, agentFte), ...profile });
}

/** `count` units of a company of 40 agents each, saved in inserts of up to 500 rows. */
export async function createUnits(
  company: OrganisationEntity,
  count: number,
): Promise<UnitEntity[]> {
  const db = await ownerDataSource();
  return db.getRepository(UnitEntity).save(
    Array.from({ length: count }, () => unitOf(company, 40)),
    { chunk: 500 },
  );
}

function unitOf(company: OrganisationEntity, agentFte: number): Partial<UnitEntity> {
  return {
    tenantId: company.id,
    name: `Unit ${unique()}`,
    industry: 'telecom',
    country: 'DE',
    customerType: 'b2c',
    sourcing: 'inhouse',
    agentFte,
    sizeBand: sizeBandFor(agentFte),
  };
}

/** A submission of the demo catalogue in a given state, written directly (the workflow has its own tests). */
export async function createSubmission(
  cycle: CycleEntity,
  unit: UnitEntity,
  answers: SubmissionEntity['answers'],
  state: SubmissionEntity['state'] = 'accepted',
): Promise<SubmissionEntity> {
  const db = await ownerDataSource();
  const catalogue = loadCatalogue(DEMO_CATALOGUE);
  return db.getRepository(SubmissionEntity).save({
    tenantId: unit.tenantId,
    cycleId: cycle.id,
    unitId: unit.id,
    state,
    answers,
    derived: catalogue.derive(answers),
    kpiVector: kpiVector(catalogue, answers),
    warnings: [],
    warningComments: {},
    returnComment: null,
  });
}

/** A publisher with a study and a cycle, and a company enrolled in it with one unit. */
export async function createStudyWorld(): Promise<{
  publisher: OrganisationEntity;
  company: OrganisationEntity;
  study: StudyEntity;
  cycle: CycleEntity;
  unit: UnitEntity;
  participation: ParticipationEntity;
}> {
  const publisher = await createOrganisation('publisher');
  const company = await createOrganisation('company');
  const study = await createStudy(publisher);
  const cycle = await createCycle(study);
  const participation = await enrol(study, company);
  const unit = await createUnit(company);
  return { publisher, company, study, cycle, unit, participation };
}
