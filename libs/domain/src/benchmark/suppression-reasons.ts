import { LocalizedText } from '../catalogue/catalogue-definition';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { Suppression } from './benchmark-cell';

/** A policy number as a reader of the language writes it (a decimal comma in German). */
function num(value: number, language: keyof LocalizedText): string {
  const text = String(value);
  return language === 'de' ? text.replace('.', ',') : text;
}

/**
 * The reasons a suppressed cell or statistic gives, with the policy's numbers in them. They never
 * name a unit or any figure of the group: only the rule and its parameters, and for differencing
 * the id of the other group, which is a filter and says nothing about who is in it.
 */
export const SUPPRESSION_REASONS = {
  minN(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'min_n',
      reason: {
        de: `weniger als ${num(n, 'de')} Vergleichseinheiten`,
        en: `fewer than ${num(n, 'en')} peers`,
      },
    };
  },

  minNTails(policy: DisclosurePolicy): Suppression {
    const n = policy.minNTails;
    return {
      rule: 'min_n_tails',
      reason: {
        de: `weniger als ${num(n, 'de')} Vergleichseinheiten für P10 und P90`,
        en: `fewer than ${num(n, 'en')} peers for P10 and P90`,
      },
    };
  },

  /** The pooled figure's own frequency rule: units with a value and a positive weight. */
  minNPooled(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'min_n',
      reason: {
        de: `weniger als ${num(n, 'de')} Vergleichseinheiten mit Gewicht`,
        en: `fewer than ${num(n, 'en')} peers with a weight`,
      },
    };
  },

  pPercent(policy: DisclosurePolicy): Suppression {
    const p = policy.pPercent;
    return {
      rule: 'p_percent',
      reason: {
        de: `das Gewicht ohne die zwei größten Beiträge liegt unter ${num(p, 'de')} % des größten`,
        en: `the weight less the two largest contributions is below ${num(p, 'en')} % of the largest`,
      },
    };
  },

  dominance(policy: DisclosurePolicy): Suppression {
    const share = policy.maxWeightSharePercent;
    return {
      rule: 'dominance',
      reason: {
        de: `eine Einheit trägt mehr als ${num(share, 'de')} % des Gewichts`,
        en: `one unit carries more than ${num(share, 'en')} % of the weight`,
      },
    };
  },

  differencing(policy: DisclosurePolicy, otherGroupId: string): Suppression {
    const n = policy.minN;
    return {
      rule: 'differencing',
      reason: {
        de: `würde zusammen mit der Vergleichsgruppe ${otherGroupId} weniger als ${num(n, 'de')} Einheiten durch Differenzbildung offenlegen`,
        en: `would reveal fewer than ${num(n, 'en')} units by difference with peer group ${otherGroupId}`,
      },
    };
  },

  giveToGet(): Suppression {
    return {
      rule: 'give_to_get',
      reason: {
        de: 'nur für Einheiten, die diese Kennzahl selbst geliefert haben',
        en: 'only for units that supplied this KPI themselves',
      },
    };
  },

  /** A requested peer group refused for its size. */
  groupTooSmall(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'min_n',
      reason: {
        de: `die Gruppe hat weniger als ${num(n, 'de')} Einheiten`,
        en: `the group has fewer than ${num(n, 'en')} units`,
      },
    };
  },

  /** A requested peer group refused because its members differ from a released group's by a few. */
  groupDifferencing(policy: DisclosurePolicy, otherGroupId: string): Suppression {
    const n = policy.minN;
    return {
      rule: 'differencing',
      reason: {
        de: `die Gruppe unterscheidet sich von der Vergleichsgruppe ${otherGroupId} um weniger als ${num(n, 'de')} Einheiten`,
        en: `the group differs from peer group ${otherGroupId} by fewer than ${num(n, 'en')} units`,
      },
    };
  },
} as const;
