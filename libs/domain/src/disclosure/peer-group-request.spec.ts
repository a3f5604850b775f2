import { DEFAULT_DISCLOSURE_POLICY } from './disclosure-policy';
import {
  CUSTOM_GROUP_LIMIT_RULE,
  customGroupLimitRefusal,
  customGroupsCounted,
} from './peer-group-request';

describe('customGroupsCounted', () => {
  it('counts released and refused new groups, not repeats of released ones nor cap refusals', () => {
    expect(
      customGroupsCounted([
        { decision: 'released', rule: null, requests: 3 },
        { decision: 'refused', rule: 'min_n', requests: 2 },
        { decision: 'refused', rule: 'differencing', requests: 1 },
        { decision: 'already_released', rule: null, requests: 7 },
        { decision: 'refused', rule: CUSTOM_GROUP_LIMIT_RULE, requests: 4 },
      ]),
    ).toBe(6);
  });

  it('is 0 for a participant that asked for nothing', () => {
    expect(customGroupsCounted([])).toBe(0);
  });
});

describe('customGroupLimitRefusal', () => {
  const policy = { ...DEFAULT_DISCLOSURE_POLICY, maxCustomGroupsPerParticipant: 3 };

  it('lets a participant ask while it is below the cap', () => {
    expect(customGroupLimitRefusal(policy, 0)).toBeNull();
    expect(customGroupLimitRefusal(policy, 2)).toBeNull();
  });

  it('refuses at the cap with the rule and the limit named in German and English', () => {
    const refusal = customGroupLimitRefusal(policy, 3);
    expect(refusal?.rule).toBe('custom_group_limit');
    expect(refusal?.reason.de).toContain('höchstens 3 eigene Vergleichsgruppen');
    expect(refusal?.reason.en).toContain('at most 3 custom peer groups');
    expect(customGroupLimitRefusal(policy, 4)?.rule).toBe('custom_group_limit');
  });

  it('uses the default cap of 20', () => {
    expect(customGroupLimitRefusal(DEFAULT_DISCLOSURE_POLICY, 19)).toBeNull();
    expect(customGroupLimitRefusal(DEFAULT_DISCLOSURE_POLICY, 20)?.reason.en).toContain(
      'at most 20',
    );
  });
});
