import { warningFromText } from './1764270000000-warnings-as-data';

describe('warningFromText', () => {
  it('reads the values of a German previous-cycle sentence, with German digits', () => {
    expect(
      warningFromText({
        key: 'employee_nps',
        rule: 'previous_cycle_deviation',
        message: 'Mitarbeiter-NPS (eNPS): 13 ist mehr als das Doppelte des Vorjahreswerts von 6.',
      }),
    ).toEqual({
      key: 'employee_nps',
      rule: 'previous_cycle_deviation',
      params: { value: 13, previous: 6 },
    });
    expect(
      warningFromText({
        key: 'service_cost',
        rule: 'previous_cycle_deviation',
        message:
          'Servicekosten: 400.000,5 EUR ist weniger als die Hälfte des Vorjahreswerts von 1.000.000 EUR.',
      })?.params,
    ).toEqual({ value: 400_000.5, previous: 1_000_000 });
  });

  it('reads an English previous-cycle sentence with a negative value and English digits', () => {
    expect(
      warningFromText({
        key: 'nps',
        rule: 'previous_cycle_deviation',
        message: "NPS: -30 is more than twice last cycle's value of -1,234.5.",
      })?.params,
    ).toEqual({ value: -30, previous: -1234.5 });
  });

  it('reads the value and the range of a benchmark sentence in either language', () => {
    expect(
      warningFromText({
        key: 'headcount',
        rule: 'benchmark_range',
        message:
          'Headcount: 39 persons is outside the usual range of 40 persons to 1,180 persons in the last published benchmark.',
      })?.params,
    ).toEqual({ value: 39, lower: 40, upper: 1180 });
    expect(
      warningFromText({
        key: 'cost_per_contact',
        rule: 'benchmark_range',
        message:
          'Kosten je Kontakt: 12,5 EUR liegt außerhalb des üblichen Bereichs von 0,00412 EUR bis 11 EUR im zuletzt veröffentlichten Benchmark.',
      })?.params,
    ).toEqual({ value: 12.5, lower: 0.00412, upper: 11 });
  });

  it('keeps a cross-field rule without figures: the catalogue holds its sentence', () => {
    expect(
      warningFromText({
        key: 'agent_fte',
        rule: 'rule:fte_within_headcount',
        message: 'Die Agenten-FTE liegen deutlich über den Mitarbeitenden.',
      }),
    ).toEqual({ key: 'agent_fte', rule: 'rule:fte_within_headcount', params: {} });
  });

  it('finds nothing in a sentence of no known form', () => {
    expect(
      warningFromText({ key: 'nps', rule: 'benchmark_range', message: 'NPS looks odd.' }),
    ).toBeUndefined();
  });
});
