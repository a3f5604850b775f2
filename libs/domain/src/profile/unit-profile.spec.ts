import { sizeBandFor } from './unit-profile';

describe('sizeBandFor', () => {
  it.each([
    [0, 'S'],
    [49.9, 'S'],
    [50, 'M'],
    [199.5, 'M'],
    [200, 'L'],
    [999, 'L'],
    [1000, 'XL'],
    [25000, 'XL'],
  ])('puts a unit with %p agent FTE into size band %p', (fte, band) => {
    expect(sizeBandFor(fte)).toBe(band);
  });
});
