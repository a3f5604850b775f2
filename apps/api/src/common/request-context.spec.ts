import { languageOf } from './request-context';

describe('languageOf', () => {
  it.each([
    [undefined, 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['de-AT', 'de'],
    ['en-GB,de;q=0.5', 'en'],
    ['fr-FR,de;q=0.7,en;q=0.9', 'en'],
    ['fr-FR,de;q=0.9,en;q=0.7', 'de'],
    ['fr', 'en'],
  ])('reads %p as %p', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
