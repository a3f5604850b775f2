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
 * name a unit, another group or any figure: only the rule and its parameters.
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

  /**
   * The release audit: with everything released before it, the cell would let a participant
   * compute the values or a sum of fewer than minN other units.
   */
  differencing(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'differencing',
      reason: {
        de: `würde zusammen mit den bereits veröffentlichten Vergleichsgruppen die Werte von weniger als ${num(n, 'de')} anderen Einheiten berechenbar machen`,
        en: `together with the peer groups released before, would let a participant compute the values of fewer than ${num(n, 'en')} other units`,
      },
    };
  },

  /** A cell withheld so that a cell withheld by the p% rule cannot be computed from it. */
  secondary(): Suppression {
    return {
      rule: 'secondary',
      reason: {
        de: 'zurückgehalten, damit eine nach der p-%-Regel gesperrte Zelle nicht berechenbar wird',
        en: 'withheld so that a cell withheld by the p% rule cannot be computed',
      },
    };
  },

  /** The p% rule on the sum behind a mean of a non-negative KPI. */
  pPercentSum(policy: DisclosurePolicy): Suppression {
    const p = policy.pPercent;
    return {
      rule: 'p_percent',
      reason: {
        de: `die Summe ohne die zwei größten Beiträge liegt unter ${num(p, 'de')} % des größten`,
        en: `the sum less the two largest contributions is below ${num(p, 'en')} % of the largest`,
      },
    };
  },

  /** The p% rule on a pooled figure's numerator Σ value × weight. */
  pPercentNumerator(policy: DisclosurePolicy): Suppression {
    const p = policy.pPercent;
    return {
      rule: 'p_percent',
      reason: {
        de: `der Zähler (Wert × Gewicht) ohne die zwei größten Beiträge liegt unter ${num(p, 'de')} % des größten`,
        en: `the numerator (value × weight) less the two largest contributions is below ${num(p, 'en')} % of the largest`,
      },
    };
  },

  /** Quantiles of a group with fewer contributors than `minNQuantiles`. */
  smallGroup(policy: DisclosurePolicy): Suppression {
    const n = policy.minNQuantiles;
    return {
      rule: 'small_group',
      reason: {
        de: `Quantile erst ab ${num(n, 'de')} Vergleichseinheiten, damit kein Quantil ein Einzelwert ist`,
        en: `quantiles only from ${num(n, 'en')} peers, so that no quantile is one unit's value`,
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

  /** A requested peer group none of whose KPIs has minN contributors (units and companies). */
  groupTooFewContributors(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'min_n',
      reason: {
        de: `keine Kennzahl der Gruppe hat Werte von mindestens ${num(n, 'de')} Einheiten verschiedener Unternehmen`,
        en: `no KPI of the group has values from at least ${num(n, 'en')} units of as many companies`,
      },
    };
  },

  /**
   * A requested peer group refused by the release audit: with the groups released before (to
   * anyone), none of its cells could be released without letting a participant compute the
   * values of fewer than minN other units. It names no unit and no other group.
   */
  groupAudit(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'differencing',
      reason: {
        de: `die Gruppe würde zusammen mit den bereits veröffentlichten Vergleichsgruppen die Werte von weniger als ${num(n, 'de')} anderen Einheiten berechenbar machen`,
        en: `together with the peer groups released before, the group would let a participant compute the values of fewer than ${num(n, 'en')} other units`,
      },
    };
  },
} as const;
