import { sumOf } from './sum.util';

describe('sumOf', () => {
  it('adds any number of values, including a tail that is not a multiple of four', () => {
    expect(sumOf(new Float64Array([]))).toBe(0);
    expect(sumOf(Float64Array.from([1, 2, 3]))).toBe(6);
    expect(sumOf(Float64Array.from([1, 2, 3, 4, 5, 6, 7]))).toBe(28);
    expect(sumOf(Float64Array.from([-1.5, 2.5, -3, 4, 0.5]))).toBe(2.5);
  });
});
