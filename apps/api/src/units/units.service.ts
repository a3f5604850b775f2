import { Injectable } from '@nestjs/common';
import { Action, Actor, notFound, requireAccess, sizeBandFor } from '@app/domain';
import { ParticipationEntity, StudyEntity, TenantDb, UnitEntity } from '@app/persistence';
import { CreateUnitDto, UnitDto, UpdateUnitDto } from './dto/unit.dto';

function toUnitDto(unit: UnitEntity): UnitDto {
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
  listUnits(actor: Actor): Promise<UnitDto[]> {
    requireAccess(actor, Action.UnitRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      (await m.find(UnitEntity, { order: { name: 'ASC' } })).map(toUnitDto),
    );
  }

  /** The units taking part in a study that the caller may see. */
  listStudyUnits(actor: Actor, studyId: string): Promise<UnitDto[]> {
    requireAccess(actor, Action.UnitRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      if (!(await m.existsBy(StudyEntity, { id: studyId }))) {
        throw notFound('Study', studyId);
      }
      const units = await m
        .createQueryBuilder(UnitEntity, 'u')
        .innerJoin(
          ParticipationEntity,
          'p',
          'p.company_id = u.tenant_id AND p.study_id = :studyId',
          { studyId },
        )
        .orderBy('u.name')
        .addOrderBy('u.id')
        .getMany();
      return units.map(toUnitDto);
    });
  }

  getUnit(actor: Actor, unitId: string): Promise<UnitDto> {
    requireAccess(actor, Action.UnitRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const unit = await m.findOneBy(UnitEntity, { id: unitId });
      if (!unit) {
        throw notFound('Unit', unitId);
      }
      return toUnitDto(unit);
    });
  }

  createUnit(actor: Actor, input: CreateUnitDto): Promise<UnitDto> {
    requireAccess(actor, Action.UnitCreate);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const unit = m.create(UnitEntity, {
        ...input,
        tenantId: actor.tenantId,
        sizeBand: sizeBandFor(input.agentFte),
      });
      return toUnitDto(await m.save(unit));
    });
  }

  updateUnit(actor: Actor, unitId: string, input: UpdateUnitDto): Promise<UnitDto> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      const unit = await m.findOneBy(UnitEntity, { id: unitId });
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
      return toUnitDto(await m.save(unit));
    });
  }
}
