import { Country, Industry } from '../profile/unit-profile';
import { SeededRandom } from './seeded-random';
import { INDUSTRY_PROFILES } from './demo-industry-profiles';

export const CITIES: Partial<Record<Country, readonly string[]>> = {
  DE: [
    'Berlin',
    'Hamburg',
    'München',
    'Köln',
    'Frankfurt am Main',
    'Stuttgart',
    'Düsseldorf',
    'Leipzig',
    'Dortmund',
    'Essen',
    'Bremen',
    'Dresden',
    'Hannover',
    'Nürnberg',
    'Duisburg',
    'Bochum',
    'Bielefeld',
    'Bonn',
    'Münster',
    'Mannheim',
    'Karlsruhe',
    'Augsburg',
    'Wiesbaden',
    'Magdeburg',
    'Rostock',
    'Kiel',
    'Erfurt',
    'Saarbrücken',
    'Potsdam',
    'Freiburg',
    'Halle',
    'Kassel',
    'Osnabrück',
    'Regensburg',
    'Würzburg',
    'Schwerin',
  ],
  AT: ['Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'St. Pölten', 'Wels'],
  CH: ['Zürich', 'Bern', 'Basel', 'Luzern', 'St. Gallen', 'Winterthur', 'Zug', 'Aarau', 'Chur'],
  LU: ['Luxemburg'],
  NL: ['Venlo', 'Enschede'],
  PL: ['Stettin', 'Breslau', 'Danzig'],
  CZ: ['Brünn', 'Pilsen'],
};

const NAME_STARTS = [
  'Nord',
  'Süd',
  'West',
  'Ost',
  'Alpen',
  'Rhein',
  'Main',
  'Elb',
  'Donau',
  'Isar',
  'Helv',
  'Berg',
  'Tal',
  'Lin',
  'Ver',
  'Kon',
  'Pro',
  'Inter',
  'Sana',
  'Terra',
  'Aqua',
  'Vita',
  'Lumen',
  'Hansa',
  'Saxo',
  'Bava',
  'Ten',
  'Quer',
  'Stern',
  'Licht',
];
const NAME_ENDS = [
  'werk',
  'tec',
  'ion',
  'ova',
  'ara',
  'stadt',
  'feld',
  'gold',
  'net',
  'ria',
  'mark',
  'tal',
  'kraft',
  'fels',
  'lux',
  'vis',
  'ona',
  'ium',
  'quell',
  'blick',
];
export const UNIT_PREFIXES = ['Kundenservice', 'Servicecenter', 'Kundendialog', 'Customer Care'];

export function companyName(
  rng: SeededRandom,
  industry: Industry,
  country: Country,
  taken: Set<string>,
): string {
  const legalForms =
    country === 'CH' ? ['AG', 'AG', 'GmbH'] : ['GmbH', 'AG', 'GmbH', 'SE', 'GmbH & Co. KG'];
  for (let attempt = 0; ; attempt++) {
    const stem = rng.pick(NAME_STARTS) + rng.pick(NAME_ENDS);
    const base = `${stem} ${INDUSTRY_PROFILES[industry].word} ${rng.pick(legalForms)}`;
    // The syllables give some twenty thousand names; beyond them (huge test data sets only) a
    // number keeps the names unique.
    const name = attempt < 8 ? base : `${base} ${taken.size + 1}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
