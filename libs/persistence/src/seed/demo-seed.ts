import {
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  loadCatalogue,
  PROFILE_DIMENSIONS,
  sizeBandFor,
  type Country,
  type CustomerType,
  type Industry,
  type Role,
  type Sourcing,
} from '@app/domain';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import {
  CatalogueVersionEntity,
  CycleEntity,
  OrganisationEntity,
  ParticipationEntity,
  StudyEntity,
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
const DEMO_PUBLISHER_ID = 'd0000000-0000-4000-8000-000000000001';
const DEMO_PLATFORM_ID = 'd0000000-0000-4000-8000-000000000002';
const DEMO_STUDY_ID = 'd0000000-0000-4000-8000-000000000010';

interface DemoUnit {
  name: string;
  industry: Industry;
  country: Country;
  customerType: CustomerType;
  sourcing: Sourcing;
  agentFte: number;
}

const DEMO_COMPANIES: { name: string; login?: string; units: DemoUnit[] }[] = [
  {
    name: 'Nordlicht Energie AG',
    login: 'company1@demo.example',
    units: [
      {
        name: 'Kundenservice Hamburg',
        industry: 'utilities',
        country: 'DE',
        customerType: 'b2c',
        sourcing: 'inhouse',
        agentFte: 145,
      },
      {
        name: 'Geschäftskunden Bremen',
        industry: 'utilities',
        country: 'DE',
        customerType: 'b2b',
        sourcing: 'inhouse',
        agentFte: 38,
      },
    ],
  },
  {
    name: 'Alpenbank AG',
    login: 'company2@demo.example',
    units: [
      {
        name: 'Service Center Innsbruck',
        industry: 'banking',
        country: 'AT',
        customerType: 'b2c',
        sourcing: 'inhouse',
        agentFte: 92,
      },
    ],
  },
  {
    name: 'Rheintal Telekom GmbH',
    units: [
      {
        name: 'Kundenbetreuung Köln',
        industry: 'telecom',
        country: 'DE',
        customerType: 'b2c',
        sourcing: 'mixed',
        agentFte: 410,
      },
    ],
  },
  {
    name: 'Helvetia Versand AG',
    units: [
      {
        name: 'Kundendienst Zürich',
        industry: 'ecommerce',
        country: 'CH',
        customerType: 'b2c',
        sourcing: 'outsourced',
        agentFte: 64,
      },
    ],
  },
  {
    name: 'Donau Versicherung AG',
    units: [
      {
        name: 'Schadenservice Linz',
        industry: 'insurance',
        country: 'AT',
        customerType: 'b2c',
        sourcing: 'inhouse',
        agentFte: 120,
      },
    ],
  },
  {
    name: 'Mittelland IT Services GmbH',
    units: [
      {
        name: 'Service Desk Stuttgart',
        industry: 'it_services',
        country: 'DE',
        customerType: 'b2b',
        sourcing: 'inhouse',
        agentFte: 55,
      },
    ],
  },
];

/**
 * Seeds the demo study once: a publisher with the demo catalogue, three cycles (two
 * published, one open), companies with units, and the demo logins. Runs as the owner role.
 * Returns false when the demo was there already.
 */
export async function seedDemo(ownerUrl: string): Promise<boolean> {
  const db = new DataSource(dataSourceOptions(ownerUrl, 1));
  await db.initialize();
  try {
    return await db.transaction(async (m) => {
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
      const cycles: [number, CycleEntity['state']][] = [
        [2023, 'published'],
        [2024, 'published'],
        [2025, 'open'],
      ];
      for (const [year, state] of cycles) {
        const done = state === 'published' ? new Date(Date.UTC(year + 1, 3, 30)) : null;
        await m.save(
          m.create(CycleEntity, {
            tenantId: publisher.id,
            studyId: study.id,
            year,
            state,
            closedAt: done,
            publishedAt: done,
          }),
        );
      }

      for (const company of DEMO_COMPANIES) {
        const organisation = await m.save(
          m.create(OrganisationEntity, { kind: 'company', name: company.name }),
        );
        if (company.login) {
          await addUser(
            organisation.id,
            company.login,
            'company_admin',
            `Service-Leitung ${company.name}`,
          );
        }
        await m.save(
          m.create(ParticipationEntity, {
            tenantId: publisher.id,
            studyId: study.id,
            companyId: organisation.id,
          }),
        );
        for (const unit of company.units) {
          await m.save(
            m.create(UnitEntity, {
              ...unit,
              tenantId: organisation.id,
              sizeBand: sizeBandFor(unit.agentFte),
            }),
          );
        }
      }
      return true;
    });
  } finally {
    await db.destroy();
  }
}
