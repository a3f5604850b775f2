import type { SnapshotDto } from '../../snapshots/dto/snapshot.dto';
import type { CycleDto } from '../../studies/dto/study.dto';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';
import { PROGRESS_REFRESH_SECONDS } from './progress-refresh';
import type { SnapshotState } from './snapshot-status.texts';

const STATES: readonly SnapshotState[] = ['queued', 'running', 'done', 'failed'];

function stateOf(snapshot: SnapshotDto): SnapshotState {
  return STATES.find((s) => s === snapshot.state) ?? 'failed';
}

function field(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object'
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const textOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The summary of a computed snapshot's manifest: what went into it and its hash. */
function manifestSummary(snapshot: SnapshotDto, page: PageContext) {
  const { manifest } = snapshot;
  if (manifest === null) {
    return null;
  }
  const catalogue = field(manifest, 'catalogue');
  const key = textOr(field(catalogue, 'key'));
  const version = numberOr(field(catalogue, 'version'));
  return {
    units: numberOr(manifest.units),
    companies: numberOr(manifest.companies),
    peerGroups: numberOr(manifest.peerGroups),
    catalogue:
      key === null
        ? null
        : fill(page.texts.snapshotStatus.manifest.catalogueVersion, {
            key,
            version: version ?? '',
          }),
    minN: numberOr(field(manifest.policy, 'minN')),
    finishedAt: snapshot.finishedAt,
    hash: snapshot.manifestHash,
    engine: textOr(manifest.engineVersion) ?? numberOr(manifest.engineVersion),
  };
}

/** The model of `snapshot-status/status.hbs`. */
export function snapshotStatusModel(
  snapshot: SnapshotDto,
  cycle: CycleDto,
  page: PageContext,
  canAdminister: boolean,
) {
  const t = page.texts.snapshotStatus;
  const state = stateOf(snapshot);
  const working = state === 'queued' || state === 'running';
  const done = state === 'done';
  return {
    title: fill(t.title, { year: cycle.year }),
    cycleHref: pagePaths.cycle(cycle.id),
    cycleLabel: fill(t.cycle, { year: cycle.year }),
    backLabel: fill(t.backToCycle, { year: cycle.year }),
    state,
    working,
    done,
    progress: done ? 100 : snapshot.progress,
    refreshSeconds: working ? PROGRESS_REFRESH_SECONDS : null,
    refreshing: fill(t.refreshing, { seconds: PROGRESS_REFRESH_SECONDS }),
    requestedAt: snapshot.createdAt,
    failed: state === 'failed',
    error: snapshot.error,
    manifest: done ? manifestSummary(snapshot, page) : null,
    disclosureHref: done ? pagePaths.snapshotDisclosureReport(snapshot.id) : null,
    publish: {
      published: snapshot.published,
      otherPublished: !snapshot.published && cycle.publishedSnapshotId !== null,
      needsClosed: done && cycle.state === 'open',
      shown: done && cycle.state === 'closed' && canAdminister,
      onlyAdmins: done && cycle.state === 'closed' && !canAdminister,
      action: pagePaths.cyclePublish(cycle.id),
      snapshotId: snapshot.id,
    },
  };
}
