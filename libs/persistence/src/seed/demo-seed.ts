import {
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  generateDemoData,
  kpiVector,
  loadCatalogue,
  plausibilityWarnings,
  PROFILE_DIMENSIONS,
  sizeBandFor,
  type Role,
} from '@app/domain';
import * as argon2 from 'argon2';
import { DataSource, IsNull } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { TenantDb, type TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';
import {
  CatalogueVersionEntity,
  CycleEntity,
  OrganisationEntity,
  ParticipationEntity,
  StudyEntity,
  SubmissionEntity,
  UnitEntity,
  UserEntity,
} from '../entities';

export const DEMO_PASSWORD = 'cockpit-demo';

/** The demo logins printed at start; all share DEMO_PASSWORD. */
export const DEMO_LOGINS: { email: string; role: Role; organisation: string }[] = [
  {
    email: 'publisher@demo.example',
    role: 'publisher_admin',
    organisation: 'Demo Benchmarking GmbH',
  },
  { email: 'company1@demo.example', role: 'company_admin', organisation: 'Nordlicht Energie AG' },
  { email: 'company2@demo.example', role: 'company_admin', organisation: 'Alpenbank AG' },
  {
    email: 'operator@demo.example',
    role: 'platform_admin',
    organisation: 'Benchmark Cockpit Betrieb',
  },
];

/** Fixed ids, so that the demo is the same on every machine and seeding twice is a no-op. */
export const DEMO_PUBLISHER_ID = 'd0000000-0000-4000-8000-000000000001';
const DEMO_PLATFORM_ID = 'd0000000-0000-4000-8000-000000000002';
const DEMO_STUDY_ID = 'd0000000-0000-4000-8000-000000000010';

/** The companies that get the demo logins: the first two the generator makes. */
const LOGIN_COMPANIES = [
  { name: 'Nordlicht Energie AG', login: 'company1@demo.example' },
  { name: 'Alpenbank AG', login: 'company2@demo.example' },
];

const DEMO_YEARS: [number, CycleEntity['state']][] = [
  [2023, 'published'],
  [2024, 'published'],
  [2025, 'open'],
];

/**
 * Seeds the demo study's data once: a publisher with the demo catalogue, three cycles (two
 * published, one open), companies with units, and the demo logins. Runs as the owner role;
 * `publishSnapshots` then gets the same connection to publish the published cycles' snapshots
 * (a use-case of the application layer), also when the data were there already, so that an
 * interrupted start finishes on the next. Returns false when the demo was there already.
 */
export async function seedDemoData(
  ownerUrl: string,
  publishSnapshots: (db: TenantDb) => Promise<void>,
): Promise<boolean> {
  // The snapshot computation commits its progress beside its own transaction: two connections.
  const db = new DataSource(dataSourceOptions(ownerUrl, 2));
  await db.initialize();
  try {
    const seeded = await db.transaction(async (m) => {
      if (await m.existsBy(OrganisationEntity, { id: DEMO_PUBLISHER_ID })) {
        return false;
      }
      const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
      const addUser = (tenantId: string, email: string, role: Role, name: string) =>
        m.save(
          m.create(UserEntity, {
            tenantId,
            email,
            role,
            name,
            passwordHash,
            preferredLanguage: 'de',
          }),
        );

      await m.save(
        m.create(OrganisationEntity, {
          id: DEMO_PLATFORM_ID,
          kind: 'platform',
          name: 'Benchmark Cockpit Betrieb',
        }),
      );
      await addUser(
        DEMO_PLATFORM_ID,
        'operator@demo.example',
        'platform_admin',
        'Plattform-Betrieb',
      );
      const publisher = await m.save(
        m.create(OrganisationEntity, {
          id: DEMO_PUBLISHER_ID,
          kind: 'publisher',
          name: 'Demo Benchmarking GmbH',
        }),
      );
      await addUser(
        publisher.id,
        'publisher@demo.example',
        'publisher_admin',
        'Petra Herausgeberin',
      );

      const catalogue = await m.save(
        m.create(CatalogueVersionEntity, {
          tenantId: publisher.id,
          key: DEMO_CATALOGUE.key,
          version: DEMO_CATALOGUE.version,
          definition: DEMO_CATALOGUE,
          hash: loadCatalogue(DEMO_CATALOGUE).hash,
        }),
      );
      const study = await m.save(
        m.create(StudyEntity, {
          id: DEMO_STUDY_ID,
          tenantId: publisher.id,
          name: 'Contact Center Benchmark DACH',
          catalogueVersionId: catalogue.id,
          languages: ['de', 'en'],
          peerGroupDimensions: [...PROFILE_DIMENSIONS],
          peerGroupPairs: [['industry', 'sizeBand']],
          disclosurePolicy: { ...DEFAULT_DISCLOSURE_POLICY },
        }),
      );
      const cycleIds = new Map<number, string>();
      for (const [year, state] of DEMO_YEARS) {
        const done = state === 'published' ? new Date(Date.UTC(year + 1, 3, 30)) : null;
        const cycle = await m.save(
          m.create(CycleEntity, {
            tenantId: publisher.id,
            studyId: study.id,
            year,
            state,
            closedAt: done,
            publishedAt: done,
          }),
        );
        cycleIds.set(year, cycle.id);
      }

      const data = generateDemoData({ years: DEMO_YEARS.map(([year]) => year) });
      const companyIds = new Map<string, string>();
      for (const [index, company] of data.companies.entries()) {
        const login = LOGIN_COMPANIES[index];
        const organisation = await m.save(
          m.create(OrganisationEntity, { kind: 'company', name: login?.name ?? company.name }),
        );
        companyIds.set(company.key, organisation.id);
        if (login) {
          await addUser(
            organisation.id,
            login.login,
            'company_admin',
            `Service-Leitung ${organisation.name}`,
          );
        }
        await m.save(
          m.create(ParticipationEntity, {
            tenantId: publisher.id,
            studyId: study.id,
            companyId: organisation.id,
          }),
        );
      }
      const unitIds = new Map<string, { id: string; tenantId: string }>();
      for (const unit of data.units) {
        const tenantId = companyIds.get(unit.companyKey) ?? '';
        const saved = await m.save(
          m.create(UnitEntity, {
            tenantId,
            name: unit.name,
            industry: unit.industry,
            country: unit.country,
            customerType: unit.customerType,
            sourcing: unit.sourcing,
            agentFte: Math.round(unit.agentFte * 100) / 100,
            sizeBand: sizeBandFor(unit.agentFte),
          }),
        );
        unitIds.set(unit.key, { id: saved.id, tenantId });
      }

      // Published cycles hold accepted data; the open one a mix of submitted data and drafts.
      const demoCatalogue = loadCatalogue(DEMO_CATALOGUE);
      const previousAnswers = new Map<string, Record<string, number | boolean | string>>();
      const rows: Partial<SubmissionEntity>[] = [];
      for (const [index, spec] of data.submissions.entries()) {
        const unit = unitIds.get(spec.unitKey);
        const year = DEMO_YEARS.find(([y]) => y === spec.year);
        if (!unit || !year) {
          continue;
        }
        const open = year[1] === 'open';
        const warnings = open
          ? plausibilityWarnings(demoCatalogue, spec.answers, {
              previousValues: previousAnswers.get(spec.unitKey),
            })
          : [];
        previousAnswers.set(spec.unitKey, spec.answers);
        rows.push({
          tenantId: unit.tenantId,
          cycleId: cycleIds.get(spec.year),
          unitId: unit.id,
          state: open ? (index % 3 === 0 ? 'draft' : 'submitted') : 'accepted',
          answers: spec.answers,
          derived: demoCatalogue.derive(spec.answers),
          kpiVector: kpiVector(demoCatalogue, spec.answers),
          warnings,
          warningComments: {},
          returnComment: null,
          version: 1,
        });
      }
      for (let i = 0; i < rows.length; i += 200) {
        await m.insert(SubmissionEntity, rows.slice(i, i + 200));
      }
      return true;
    });
    await publishSnapshots(new TenantDb(db));
    return seeded;
  } finally {
    await db.destroy();
  }
}

/** The demo's published cycles without a published snapshot yet, oldest first. */
export function unpublishedDemoCycles(m: TenantTx): Promise<CycleEntity[]> {
  return managerOf(m).find(CycleEntity, {
    where: { studyId: DEMO_STUDY_ID, state: 'published', publishedSnapshotId: IsNull() },
    order: { year: 'ASC' },
  });
}
