import { escapeCsvFormulaText, escapeFormulaText } from './formula-escape.util';

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

describe('escapeCsvFormulaText', () => {
  it.each([
    ["Bremen;=1+2;=cmd|' /C calc'!A0", "Bremen;'=1+2;'=cmd|' /C calc'!A0"],
    ['Hamburg,+1', "Hamburg,'+1"],
    ['a\r\n@SUM(A1)', "a\r\n'@SUM(A1)"],
    ['=1;-2', "'=1;'-2"],
    ['x;\uFF1D1', "x;'\uFF1D1"],
  ])('escapes the formula start after each separator in %p', (text, escaped) => {
    expect(escapeCsvFormulaText(text)).toBe(escaped);
  });

  it.each(['Bremen; Hamburg', 'costs, 5 % less', 'a;b,c', '12;34'])(
    'leaves %p as it is',
    (text) => {
      expect(escapeCsvFormulaText(text)).toBe(text);
    },
  );
});
