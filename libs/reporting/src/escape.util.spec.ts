import { escapeXml } from './escape.util';

describe('escapeXml', () => {
  it('turns markup characters into entities', () => {
    expect(escapeXml(`<img src="http://127.0.0.1:9/x" alt='a & b'>`)).toBe(
      '&lt;img src=&quot;http://127.0.0.1:9/x&quot; alt=&#39;a &amp; b&#39;&gt;',
    );
  });

  it('escapes an ampersand that already looks like an entity', () => {
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
  });

  it('drops control characters that XML forbids and keeps tabs and line breaks', () => {
    expect(escapeXml('a\u0000b\u0008c\td\ne\u001F')).toBe('abc\td\ne');
  });

  it('leaves Handlebars braces and umlauts as they are', () => {
    expect(escapeXml('{{constructor.constructor}} Größe')).toBe(
      '{{constructor.constructor}} Größe',
    );
  });
});
