import { DEFAULT_DISCLOSURE_POLICY } from '@app/domain';
import type { Language } from '../../common/request-context';
import { pageTexts } from '../views/page-texts';
import type { PageContext } from '../views/page-context';
import { policyFacts } from './studies-page.model';

function pageIn(language: Language): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path: '/studies',
    user: null,
    csrfToken: () => 'token',
  };
}

describe('policyFacts', () => {
  it('states every rule of the default policy with its value, in German', () => {
    expect(policyFacts(DEFAULT_DISCLOSURE_POLICY, pageIn('de'))).toEqual({
      facts: [
        {
          term: 'Mindestgröße einer Gruppe',
          value: '5 Einheiten',
          meaning:
            'Keine Zahl einer Vergleichsgruppe wird gezeigt, die auf weniger Einheiten oder auf Einheiten von weniger Unternehmen beruht.',
        },
        {
          term: 'Mindestgröße für P10 und P90',
          value: '10 Einheiten',
          meaning: 'Die äußeren Perzentile werden erst ab so vielen Einheiten gezeigt.',
        },
        {
          term: 'p%-Regel',
          value: '10 %',
          meaning:
            'Die Summe hinter einem Mittelwert und eine gepoolte Zahl werden nur gezeigt, wenn sie ohne ihre zwei größten Beiträge mindestens 10 % des größten erreichen; die Einheiten eines Unternehmens zählen als ein Beitrag. Was eine so gesperrte Summe errechenbar machen würde, wird ebenfalls gesperrt (Sekundärsperrung).',
        },
        {
          term: 'Höchstanteil einer Einheit',
          value: '25 %',
          meaning: 'Keine Einheit darf mehr als 25 % des Gewichts einer summierten Zahl tragen.',
        },
        {
          term: 'Perzentile',
          value: 'lineare Interpolation',
          meaning: 'Wie PERCENTILE.INC in Excel und percentile_cont in PostgreSQL.',
        },
        {
          term: 'Perzentile kleiner Gruppen',
          value: 'ab 20 Einheiten',
          meaning:
            'Eine kleinere Gruppe zeigt nur n und den Mittelwert, damit kein Perzentil der Wert einer einzelnen Einheit ist.',
        },
        {
          term: 'Zusammenlegung von Größenklassen',
          value: 'unter 10 Einheiten',
          meaning:
            'Eine so kleine Größenklasse wird vor der Bildung der Vergleichsgruppen mit ihrer kleineren Nachbarklasse zusammengelegt, etwa zu „L, XL“; der Methodenanhang nennt, was zusammengelegt wurde.',
        },
        {
          term: 'Eigene Vergleichsgruppen',
          value: 'höchstens 20 je Teilnehmer und Berichtsjahr',
          meaning:
            'Jede wird vor der Freigabe gegen alles bereits Veröffentlichte geprüft; der Abruf einer bereits freigegebenen Gruppe zählt nicht.',
        },
      ],
      always:
        'Außerdem gilt immer: Aus allem, was zu einem Berichtsjahr veröffentlicht ist, kann kein Teilnehmer, auch nicht mit seinen eigenen Werten, den Wert einer anderen Einheit oder eine Summe über weniger als 5 andere Einheiten errechnen; was das erlauben würde, wird nicht freigegeben. Eine Einheit sieht den Benchmark einer Kennzahl nur, wenn sie die Kennzahl selbst geliefert hat.',
    });
  });

  it('states a study’s own parameters, in English', () => {
    const { facts, always } = policyFacts(
      {
        ...DEFAULT_DISCLOSURE_POLICY,
        minN: 7,
        minNQuantiles: 25,
        quantileMethod: 'local_mean',
        foldBelowN: 8,
        maxCustomGroupsPerParticipant: 3,
      },
      pageIn('en'),
    );
    expect(facts.map(({ term, value }) => [term, value])).toEqual([
      ['Smallest group', '7 units'],
      ['Smallest group for P10 and P90', '10 units'],
      ['p% rule', '10 %'],
      ['Largest share of one unit', '25 %'],
      ['Percentiles', 'mean of the three nearest values'],
      ['Percentiles of small groups', 'from 25 units'],
      ['Folding of size bands', 'below 8 units'],
      ['Custom peer groups', 'at most 3 per participant and reference year'],
    ]);
    expect(facts[0].meaning).toBe(
      'No figure of a peer group is shown that rests on fewer units, or on units of fewer companies.',
    );
    expect(facts[6].meaning).toBe(
      "A size band this small is combined with its smaller neighbour before the peer groups are formed, say into 'L, XL'; the method appendix says what was combined.",
    );
    expect(always).toBe(
      "Always, too: from everything released for a reference year, no participant can compute, even with its own values, the value of another unit or a sum over fewer than 7 other units; what would allow it is not released. A unit sees a KPI's benchmark only if it supplied the KPI itself.",
    );
  });
});
