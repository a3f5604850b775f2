import { DEMO_CATALOGUE, loadCatalogue } from '@app/domain';
import { SUBMISSION_TEXTS } from './submission.texts';
import { mergeProblems, readSubmissionForm } from './submission-form-input.util';

const catalogue = loadCatalogue(DEMO_CATALOGUE);

describe('readSubmissionForm', () => {
  it('reads numbers, yes/no and choices in the page language; an emptied field clears', () => {
    const read = readSubmissionForm(
      catalogue,
      {
        answers: {
          agent_fte: '1.234,5',
          leavers: '',
          has_service_strategy: 'yes',
          measures_nps: 'no',
          measures_ces: '',
          strategy_horizon: 'long_term',
        },
      },
      'de',
      SUBMISSION_TEXTS.de,
    );
    expect(read.answers).toEqual({
      agent_fte: 1234.5,
      leavers: null,
      has_service_strategy: true,
      measures_nps: false,
      measures_ces: null,
      strategy_horizon: 'long_term',
    });
    expect(read.problems).toEqual([]);
    expect(read.posted.values.agent_fte).toBe('1.234,5');
  });

  it('leaves out what the form did not send, derived KPIs and unknown fields', () => {
    const read = readSubmissionForm(
      catalogue,
      { answers: { attrition_rate: '12', no_such_key: '1', agent_fte: ['1'] } },
      'en',
      SUBMISSION_TEXTS.en,
    );
    expect(read.answers).toEqual({});
  });

  it('keeps an unreadable number for the service and names it in the language of the page', () => {
    const read = readSubmissionForm(
      catalogue,
      { answers: { agent_fte: '12.5' } },
      'de',
      SUBMISSION_TEXTS.de,
    );
    expect(read.answers).toEqual({ agent_fte: '12.5' });
    expect(read.problems).toEqual([
      {
        key: 'agent_fte',
        rule: 'number_format',
        message:
          'Agenten (Vollzeitäquivalente): „12.5“ ist keine Zahl. Schreiben Sie Zahlen wie 1.234,5.',
      },
    ]);
  });

  it('stores a comment box under every warning id of its group', () => {
    const first = 'rule:agent_fte_within_headcount|agent_fte';
    const second = 'rule:agent_fte_within_headcount|headcount_avg';
    const read = readSubmissionForm(
      catalogue,
      {
        comments: { [first]: 'Viele Teilzeitkräfte', 'bad id': 'x' },
        commentGroups: { [first]: `${first},${second},not an id` },
      },
      'de',
      SUBMISSION_TEXTS.de,
    );
    expect(read.warningComments).toEqual({
      [first]: 'Viele Teilzeitkräfte',
      [second]: 'Viele Teilzeitkräfte',
    });
    expect(read.posted.comments).toEqual({ [first]: 'Viele Teilzeitkräfte' });
  });
});

describe('mergeProblems', () => {
  it("replaces the service's type error of a field the page could not read", () => {
    const own = [{ key: 'agent_fte', rule: 'number_format', message: 'not a number here' }];
    const service = [
      { key: 'agent_fte', rule: 'type_number', message: 'must be a number' },
      { key: 'leavers', rule: 'max', message: 'too many' },
    ];
    expect(mergeProblems(own, service)).toEqual([own[0], service[1]]);
  });
});
