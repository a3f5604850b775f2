import { DISCLOSURE_REPORTS_TEXTS } from './disclosure-reports.texts';
import { ruleText, shareText } from './disclosure-report-page.model';

describe('disclosure report page model', () => {
  it('writes a share with one decimal as the language does', () => {
    expect(shareText(0.97345, 'de')).toBe('97,3\u00a0%');
    expect(shareText(0.97345, 'en')).toBe('97.3\u00a0%');
    expect(shareText(1, 'en')).toBe('100\u00a0%');
    expect(shareText(null, 'de')).toBe('–');
  });

  it('names a known rule in words with its code, and an unknown one by its code', () => {
    expect(ruleText('custom_group_limit', DISCLOSURE_REPORTS_TEXTS.de)).toBe(
      'Obergrenze eigener Vergleichsgruppen (custom_group_limit)',
    );
    expect(ruleText('p_percent', DISCLOSURE_REPORTS_TEXTS.en)).toBe('p% rule (p_percent)');
    expect(ruleText('cell_key', DISCLOSURE_REPORTS_TEXTS.en)).toBe('cell_key');
    expect(ruleText(null, DISCLOSURE_REPORTS_TEXTS.en)).toBe('–');
  });
});
