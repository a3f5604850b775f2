import { renderWarnings, SubmissionWarning, warningMessage } from './submission-warning';
import { createSubmissionTestCatalogue } from './submission-test-catalogue';

const catalogue = createSubmissionTestCatalogue();

describe('warningMessage', () => {
  it('says a value is more than twice the previous one in the reader language', () => {
    const warning = {
      key: 'agent_fte',
      rule: 'previous_cycle_deviation',
      params: { value: 250, previous: 100 },
    };
    expect(warningMessage(catalogue, warning, 'en')).toBe(
      "Agent FTE: 250 FTE is more than twice last cycle's value of 100 FTE.",
    );
    expect(warningMessage(catalogue, warning, 'de')).toBe(
      'Agenten-FTE: 250 FTE ist mehr als das Doppelte des Vorjahreswerts von 100 FTE.',
    );
  });

  it('says a value is less than half the previous one, with numbers as each language writes them', () => {
    const warning = {
      key: 'service_cost',
      rule: 'previous_cycle_deviation',
      params: { value: 400_000.5, previous: 1_000_000 },
    };
    expect(warningMessage(catalogue, warning, 'en')).toBe(
      "Service cost: 400,000.5 EUR is less than half of last cycle's value of 1,000,000 EUR.",
    );
    expect(warningMessage(catalogue, warning, 'de')).toBe(
      'Servicekosten: 400.000,5 EUR ist weniger als die Hälfte des Vorjahreswerts von 1.000.000 EUR.',
    );
  });

  it('compares magnitudes, so a negative score that triples reads as more than twice', () => {
    const warning = {
      key: 'agent_fte',
      rule: 'previous_cycle_deviation',
      params: { value: -30, previous: -10 },
    };
    expect(warningMessage(catalogue, warning, 'en')).toBe(
      "Agent FTE: -30 FTE is more than twice last cycle's value of -10 FTE.",
    );
  });

  it('names the usual range of the last benchmark, with unit words of the language', () => {
    const warning = {
      key: 'headcount',
      rule: 'benchmark_range',
      params: { value: 39, lower: 40, upper: 180 },
    };
    expect(warningMessage(catalogue, warning, 'en')).toBe(
      'Headcount: 39 persons is outside the usual range of 40 persons to 180 persons in the last published benchmark.',
    );
    expect(warningMessage(catalogue, { ...warning, key: 'agent_fte' }, 'de')).toBe(
      'Agenten-FTE: 39 FTE liegt außerhalb des üblichen Bereichs von 40 FTE bis 180 FTE im zuletzt veröffentlichten Benchmark.',
    );
  });

  it("takes a cross-field rule's sentence from the catalogue", () => {
    const warning = { key: 'agent_fte', rule: 'rule:fte_within_headcount', params: {} };
    expect(warningMessage(catalogue, warning, 'de')).toBe(
      'Die Agenten-FTE liegen deutlich über den Mitarbeitenden.',
    );
    expect(warningMessage(catalogue, warning, 'en')).toBe(
      'Agent FTE are well above the headcount.',
    );
  });
});

describe('renderWarnings', () => {
  it('keeps key, rule and order and adds the sentence', () => {
    const warnings: SubmissionWarning[] = [
      { key: 'agent_fte', rule: 'rule:fte_within_headcount', params: {} },
      { key: 'agent_fte', rule: 'benchmark_range', params: { value: 50.5, lower: 0, upper: 50 } },
    ];
    expect(renderWarnings(catalogue, warnings, 'en')).toEqual([
      {
        key: 'agent_fte',
        rule: 'rule:fte_within_headcount',
        message: 'Agent FTE are well above the headcount.',
      },
      {
        key: 'agent_fte',
        rule: 'benchmark_range',
        message:
          'Agent FTE: 50.5 FTE is outside the usual range of 0 FTE to 50 FTE in the last published benchmark.',
      },
    ]);
  });
});
