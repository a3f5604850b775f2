import { Injectable } from '@nestjs/common';
import { Action, Actor, notFound, requireAccess, sizeBandFor } from '@app/domain';
import {
  TenantDb,
  UnitEntity,
  unitsByName,
  studyExists,
  unitsTakingPart,
  findUnit,
  insertUnit,
  saveUnit,
} from '@app/persistence';
import type { NewUnitInput, UnitChanges, UnitView } from './unit.types';

function toUnitView(unit: UnitEntity): UnitView {
  return {
    id: unit.id,
    companyId: unit.tenantId,
    name: unit.name,
    profile: {
      industry: unit.industry,
      country: unit.country,
      sizeBand: unit.sizeBand,
      customerType: unit.customerType,
      sourcing: unit.sourcing,
      agentFte: unit.agentFte,
    },
  };
}

/** Contact centers and their profiles (the peer-group dimensions). */
@Injectable()
export class UnitsService {
  constructor(private readonly db: TenantDb) {}

  /** A company's own units; a publisher's view covers its participants' units. */
  listUnits(actor: Actor): Promise<UnitView[]> {
    requireAccess(actor, Action.UnitRead);
    return this.db.withTenant(actor.tenantId, async (m) => (await unitsByName(m)).map(toUnitView));
  }

  /** The units taking part in a study that the caller may see. */
  listStudyUnits(actor: Actor, studyId: string): Promise<UnitView[]> {
    requireAccess(actor, Action.UnitRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      if (!(await studyExists(m, studyId))) {
        throw notFound('Study', studyId);
      }
      return (await unitsTakingPart(m, studyId)).map(toUnitView);
    });
  }

  getUnit(actor: Actor, unitId: string): Promise<UnitView> {
    requireAccess(actor, Action.UnitRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const unit = await findUnit(m, unitId);
      if (!unit) {
        throw notFound('Unit', unitId);
      }
      return toUnitView(unit);
    });
  }

  createUnit(actor: Actor, input: NewUnitInput): Promise<UnitView> {
    requireAccess(actor, Action.UnitCreate);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const unit = await insertUnit(m, {
        ...input,
        tenantId: actor.tenantId,
        sizeBand: sizeBandFor(input.agentFte),
      });
      return toUnitView(unit);
    });
  }

  updateUnit(actor: Actor, unitId: string, input: UnitChanges): Promise<UnitView> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      const unit = await findUnit(m, unitId);
      if (!unit) {
        throw notFound('Unit', unitId);
      }
      requireAccess(actor, Action.UnitUpdate, {
        thing: 'Unit',
        id: unitId,
        ownerId: unit.tenantId,
      });
      Object.assign(unit, input);
      unit.sizeBand = sizeBandFor(unit.agentFte);
      return toUnitView(await saveUnit(m, unit));
    });
  }
}
