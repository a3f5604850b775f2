import { findOddInput, MAX_INPUT_DEPTH } from './odd-input';

/** An object nested `depth` levels deep: { a: { a: ... { a: 1 } } }. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

describe('findOddInput', () => {
  it('finds a NUL byte in a top-level text, a nested text and an array element, by its path', () => {
    expect(findOddInput({ peerGroup: 'all\0' })).toEqual({ key: 'peerGroup', rule: 'nul_byte' });
    expect(findOddInput({ answers: { agent_fte: 5, comment: 'a\0b' } })).toEqual({
      key: 'answers.comment',
      rule: 'nul_byte',
    });
    expect(findOddInput({ languages: ['de', '\0'] })).toEqual({
      key: 'languages.1',
      rule: 'nul_byte',
    });
  });

  it('finds a NUL byte in a key', () => {
    expect(findOddInput({ warningComments: { 'w\0': 'x' } })).toEqual({
      key: 'warningComments.w\0',
      rule: 'nul_byte',
    });
  });

  it('finds half a surrogate pair, leading or trailing, and accepts a whole pair', () => {
    expect(findOddInput({ email: '\ud800' })).toEqual({ key: 'email', rule: 'unpaired_surrogate' });
    expect(findOddInput({ name: 'a\udc00b' })).toEqual({ key: 'name', rule: 'unpaired_surrogate' });
    expect(findOddInput({ name: 'Smile \ud83d\ude00' })).toBeNull();
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses ${MAX_INPUT_DEPTH + 1}, naming the top-level field`, () => {
    expect(findOddInput(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(findOddInput(nested(MAX_INPUT_DEPTH + 1))).toEqual({ key: 'a', rule: 'max_depth' });
  });

  it('refuses 10,000 levels of arrays without overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) {
      deep = [deep];
    }
    expect(findOddInput(deep)).toEqual({ key: '0', rule: 'max_depth' });
  });

  it('accepts ordinary input: texts with other control characters, numbers, null, empty values', () => {
    expect(
      findOddInput({ name: 'Zeile 1\nZeile 2\t', n: 0, x: null, list: [], o: {}, ok: true }),
    ).toBeNull();
    expect(findOddInput(undefined)).toBeNull();
  });
});
