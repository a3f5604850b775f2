import { LocalizedText } from '../catalogue/catalogue-definition';
import { DisclosurePolicy } from './disclosure-policy';

/**
 * What became of a request for a custom peer group, as the release ledger records it: judged
 * and released, judged and refused, or a repeat of a group that is already released (answered
 * with that group, nothing judged).
 */
export type PeerGroupRequestDecision = 'released' | 'refused' | 'already_released';

/** The decisions in the order reports list them. */
export const PEER_GROUP_REQUEST_DECISIONS: readonly PeerGroupRequestDecision[] = [
  'released',
  'already_released',
  'refused',
];

/** The rule of a request refused because its participant reached the policy's cap. */
export const CUSTOM_GROUP_LIMIT_RULE = 'custom_group_limit';

/** A participant's requests on one snapshot with one decision and refusal rule. */
export interface PeerGroupRequestTally {
  decision: PeerGroupRequestDecision;
  /** The rule of a refusal; null for a released group. */
  rule: string | null;
  requests: number;
}

/** A request refused for the cap, with its reason in both languages. */
export interface CustomGroupLimitRefusal {
  rule: typeof CUSTOM_GROUP_LIMIT_RULE;
  reason: LocalizedText;
}

/**
 * The requests that count against `maxCustomGroupsPerParticipant`: every new group that was
 * judged, released or refused. A repeat of a released group judges nothing and does not count,
 * and neither does a request the cap itself refused (it judged nothing either).
 */
export function customGroupsCounted(tallies: readonly PeerGroupRequestTally[]): number {
  let counted = 0;
  for (const tally of tallies) {
    if (tally.decision !== 'already_released' && tally.rule !== CUSTOM_GROUP_LIMIT_RULE) {
      counted += tally.requests;
    }
  }
  return counted;
}

/**
 * The refusal of a participant's next new custom group once it has asked for as many as the
 * policy allows per snapshot, or null while it may ask for more. The reason names the limit and
 * nothing about any group or unit.
 *
 * @param counted the participant's requests so far that count (`customGroupsCounted`)
 */
export function customGroupLimitRefusal(
  policy: Pick<DisclosurePolicy, 'maxCustomGroupsPerParticipant'>,
  counted: number,
): CustomGroupLimitRefusal | null {
  const limit = policy.maxCustomGroupsPerParticipant;
  if (counted < limit) {
    return null;
  }
  return {
    rule: CUSTOM_GROUP_LIMIT_RULE,
    reason: {
      de: `je Teilnehmer und Snapshot sind höchstens ${limit} eigene Vergleichsgruppen möglich, und Ihre Organisation hat sie bereits angefragt; bereits freigegebene Vergleichsgruppen können Sie weiterhin abrufen`,
      en: `a participant may ask for at most ${limit} custom peer groups per snapshot, and your organisation has asked for them all; peer groups already released can still be opened`,
    },
  };
}
