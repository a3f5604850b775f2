import { alignCycles } from './cycle-columns';

/** How many of a set of units answer a yes/no item with yes. */
export interface ShareSummary {
  /** Units with an answer. */
  n: number;
  yes: number;
  /** yes / n in %, 0..100. */
  share: number;
}

/** One set of units' share of yes in two consecutive cycles and its change. */
export interface ShareChange {
  /** Null when no unit of the set answered in that cycle. */
  from: ShareSummary | null;
  to: ShareSummary | null;
  /** to.share − from.share in percentage points; null unless both sides exist. */
  points: number | null;
}

/**
 * The change of a yes/no item between cycles `from` and `to` = from + 1, over all participants
 * with an answer in each cycle and over the balanced panel (units that answered in both).
 */
export interface AdoptionChange {
  from: number;
  to: number;
  all: ShareChange;
  panel: ShareChange & {
    /** The number of panel units. */
    n: number;
  };
}

/** The adoption of a practice over the cycles: the share per cycle and each change. */
export interface AdoptionSeries {
  /** Per cycle, null when no unit answered. */
  cycles: Array<ShareSummary | null>;
  /** One per pair of consecutive cycles, in cycle order. */
  changes: AdoptionChange[];
}

/** The share of yes of `yes` out of `n`; null for n = 0. */
function shareOf(n: number, yes: number): ShareSummary | null {
  // Counted to integers first and multiplied before dividing, as in the snapshot, so that
  // 13 of 100 is exactly 13 %.
  return n === 0 ? null : { n, yes, share: (yes * 100) / n };
}

function shareChange(from: ShareSummary | null, to: ShareSummary | null): ShareChange {
  return { from, to, points: from === null || to === null ? null : to.share - from.share };
}

function checkAnswers(column: Float64Array, c: number): void {
  for (let u = 0; u < column.length; u++) {
    const value = column[u];
    if (value === value && value !== 0 && value !== 1) {
      throw new RangeError(`answer ${value} of unit ${u} in cycle ${c} is not yes (1) or no (0)`);
    }
  }
}

/**
 * The share of yes per cycle and its change in percentage points between consecutive cycles,
 * over all participants and over the balanced panel, from aligned columns.
 *
 * @param columns one per cycle in cycle order, aligned by unit: 1 yes, 0 no, NaN no answer
 */
export function adoptionChangesOfColumns(columns: readonly Float64Array[]): AdoptionSeries {
  columns.forEach(checkAnswers);
  const cycles = columns.map((column) => {
    let n = 0;
    let yes = 0;
    for (let u = 0; u < column.length; u++) {
      const value = column[u];
      if (value === value) {
        n++;
        yes += value;
      }
    }
    return shareOf(n, yes);
  });
  const changes = columns.slice(1).map((to, i): AdoptionChange => {
    const from = columns[i];
    let n = 0;
    let yesBefore = 0;
    let yesAfter = 0;
    for (let u = 0; u < from.length; u++) {
      const x = from[u];
      const y = to[u];
      if (x === x && y === y) {
        n++;
        yesBefore += x;
        yesAfter += y;
      }
    }
    return {
      from: i,
      to: i + 1,
      all: shareChange(cycles[i], cycles[i + 1]),
      panel: { n, ...shareChange(shareOf(n, yesBefore), shareOf(n, yesAfter)) },
    };
  });
  return { cycles, changes };
}

/**
 * The share of yes of a yes/no item per cycle and its change in percentage points between
 * consecutive cycles, over all participants and over the balanced panel.
 *
 * @param cycles per cycle, in cycle order, unit id → answer; null or undefined: no answer
 */
export function adoptionChanges(
  cycles: ReadonlyArray<ReadonlyMap<string, boolean | null | undefined>>,
): AdoptionSeries {
  return adoptionChangesOfColumns(alignCycles(cycles, (answer) => (answer ? 1 : 0)).columns);
}
