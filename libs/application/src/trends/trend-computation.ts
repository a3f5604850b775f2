import { createHash } from 'node:crypto';
import {
  Action,
  Actor,
  Catalogue,
  canonicalJson,
  computeTrendData,
  DisclosurePolicy,
  disclosurePolicyOf,
  effectiveDisclosurePolicy,
  DomainError,
  DomainErrorCode,
  FrozenInputs,
  notFound,
  ParticipationProfile,
  requireAccess,
  TrendCycle,
  TrendData,
  trendKpisOf,
} from '@app/domain';
import type { TrendReportInput } from '@app/reporting';
import {
  findOrganisation,
  findStudy,
  findTrend,
  getSnapshot,
  getTrend,
  lockTrendToCompute,
  publishedCyclesOf,
  SnapshotReader,
  snapshotsWithIds,
  StudyEntity,
  storeTrendData,
  type TenantTx,
  TrendEntity,
} from '@app/persistence';

/**
 * Bumped whenever the trend computation changes what it outputs for the same inputs, so that
 * a manifest says which code made the data and a new version computes them anew.
 */
export const TREND_ENGINE_VERSION = '3';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The published cycles of a study, ascending, and what a trend over them is keyed by. */
export interface TrendSource {
  study: StudyEntity;
  years: number[];
  snapshotIds: string[];
  inputKey: string;
}

/**
 * The study's published cycles with their published snapshots, as the publisher sees them.
 * The key covers the snapshots (their manifests fix their inputs), the policy, the catalogue
 * and the engine: an equal key is an equal trend.
 *
 * @throws DomainError Forbidden for a role that may not order a trend; NotFound for a study
 *   that is not the caller's; InvalidState with fewer than two published cycles, since a
 *   trend needs a change.
 */
export async function trendSource(
  m: TenantTx,
  studyId: string,
  caller: Actor,
  language: 'de' | 'en',
): Promise<TrendSource> {
  const study = await findStudy(m, studyId);
  if (!study) {
    throw notFound('Study', studyId);
  }
  // A participant reads the study too, but its trend is the publisher's alone.
  requireAccess(caller, Action.TrendCompute, {
    thing: 'Study',
    id: studyId,
    ownerId: study.tenantId,
  });
  const cycles = await publishedCyclesOf(m, studyId);
  const published = cycles.filter((cycle) => cycle.publishedSnapshotId !== null);
  if (published.length < 2) {
    throw new DomainError(
      DomainErrorCode.InvalidState,
      language === 'de'
        ? `Ein Trendbericht braucht mindestens zwei veröffentlichte Zyklen; die Studie hat ${published.length}.`
        : `A trend report needs at least two published cycles; the study has ${published.length}.`,
    );
  }
  const snapshotIds = published.map((cycle) => cycle.publishedSnapshotId as string);
  const snapshots = await snapshotsWithIds(m, snapshotIds);
  const manifestOf = new Map(snapshots.map((s) => [s.id, s.manifestHash]));
  return {
    study,
    years: published.map((cycle) => cycle.year),
    snapshotIds,
    inputKey: sha256(
      canonicalJson({
        snapshots: snapshotIds.map((id) => ({ id, manifestHash: manifestOf.get(id) ?? null })),
        catalogueVersionId: study.catalogueVersionId,
        policy: disclosurePolicyOf(study.disclosurePolicy),
        engine: TREND_ENGINE_VERSION,
      }),
    ),
  };
}

/**
 * A published cycle's frozen inputs as the trend computation reads them: the units with their
 * profiles, and the values as the columns they are stored as.
 */
function trendCycle(year: number, inputs: FrozenInputs): TrendCycle {
  const { unitIds, unitTenants, profiles, kpiKeys, values } = inputs;
  return {
    year,
    // The profile's codes are checked when a unit is saved; the snapshot keeps them as text.
    units: unitIds.map((id, u) => ({
      id,
      profile: profiles[u] as ParticipationProfile,
      company: unitTenants[u],
      values: {},
    })),
    columns: { keys: kpiKeys, values },
  };
}

/** A trend's data with what they were computed under. */
export interface ComputedTrend {
  trend: TrendEntity & { data: TrendData };
  study: StudyEntity;
  policy: DisclosurePolicy;
  catalogue: Catalogue;
}

/**
 * The data of a trend, computed now if they are not yet: from the frozen inputs of the
 * published snapshots it names, under the study's policy. Written once, in the caller's
 * transaction, with a manifest whose hash leaves out the time, so that computing the same
 * inputs again gives the same hash. The row lock makes concurrent callers (the German and the
 * English report) compute it once.
 */
export async function computedTrend(
  m: TenantTx,
  reader: SnapshotReader,
  trendId: string,
): Promise<ComputedTrend> {
  const stored = await findTrend(m, trendId);
  if (!stored) {
    throw notFound('Trend', trendId);
  }
  // Not computed yet: the row lock makes concurrent callers compute it once. FOR UPDATE passes
  // the update policy, so it finds the trend only while it has no data; a caller that waited
  // for another's computation reads the data that one wrote.
  const trend =
    stored.data !== null
      ? stored
      : ((await lockTrendToCompute(m, trendId)) ?? (await getTrend(m, trendId)));
  const latest = await getSnapshot(m, trend.snapshotIds.at(-1) ?? '');
  const setting = await reader.setting(m, latest.cycleId);
  if (!setting) {
    throw notFound('Cycle', latest.cycleId);
  }
  const { study, catalogue, catalogueVersion } = setting;
  if (trend.data !== null) {
    // The policy the data were disclosed under, even if the study's changed since.
    return {
      trend: { ...trend, data: trend.data },
      study,
      policy: effectiveDisclosurePolicy(trend.manifest?.policy, study.disclosurePolicy),
      catalogue,
    };
  }
  const policy = disclosurePolicyOf(study.disclosurePolicy);
  const cycles: TrendCycle[] = [];
  const snapshots: Array<{ year: number; snapshotId: string; manifestHash: string | null }> = [];
  for (let c = 0; c < trend.years.length; c++) {
    const snapshotId = trend.snapshotIds[c];
    const inputs = await reader.frozenInputs(m, snapshotId);
    cycles.push(trendCycle(trend.years[c], inputs));
    const snapshot = await getSnapshot(m, snapshotId);
    snapshots.push({ year: trend.years[c], snapshotId, manifestHash: snapshot.manifestHash });
  }
  const data = computeTrendData({ cycles, kpis: trendKpisOf(catalogue), policy });
  const manifest = {
    studyId: study.id,
    years: trend.years,
    snapshots,
    units: cycles.map((cycle) => cycle.units.length),
    catalogue: {
      versionId: catalogueVersion.id,
      key: catalogue.key,
      version: catalogue.version,
      hash: catalogue.hash,
    },
    policy,
    engineVersion: TREND_ENGINE_VERSION,
    dataHash: sha256(canonicalJson(data)),
  };
  const computedAt = new Date();
  const manifestHash = sha256(canonicalJson(manifest));
  await storeTrendData(m, trendId, { data, manifest, manifestHash, computedAt });
  return {
    trend: { ...trend, data, manifest, manifestHash, computedAt },
    study,
    policy,
    catalogue,
  };
}

/** Everything a trend report shows, computing the trend's data first if need be. */
export async function trendReportInput(
  m: TenantTx,
  reader: SnapshotReader,
  trendId: string,
  language: 'de' | 'en',
  generatedAt: Date,
): Promise<TrendReportInput> {
  const { trend, study, policy, catalogue } = await computedTrend(m, reader, trendId);
  const publisher = await findOrganisation(m, study.tenantId);
  return {
    language,
    study: { name: study.name, publisherName: publisher?.name ?? '' },
    catalogue,
    policy,
    trend: trend.data,
    generatedAt,
  };
}
