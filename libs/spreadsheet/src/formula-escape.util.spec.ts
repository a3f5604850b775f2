import { escapeFormulaText } from './formula-escape.util';

describe('escapeFormulaText', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'prefixes %p with an apostrophe',
    (text) => {
      expect(escapeFormulaText(text)).toBe(`'${text}`);
    },
  );

  it.each(['plain text', '', ' =1', "'=already", '1=1', 'Müller & Söhne'])(
    'leaves %p as it is',
    (text) => {
      expect(escapeFormulaText(text)).toBe(text);
    },
  );
});
