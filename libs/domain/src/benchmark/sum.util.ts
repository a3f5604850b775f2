/**
 * The sum of values in four interleaved partial sums: a fixed order like any other (so equal
 * inputs give equal sums, and the trend data's means equal the snapshot's to the bit), about
 * three times faster than one running sum, and no less accurate.
 */
export function sumOf(values: Float64Array): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const whole = values.length - (values.length % 4);
  for (let i = 0; i < whole; i += 4) {
    a += values[i];
    b += values[i + 1];
    c += values[i + 2];
    d += values[i + 3];
  }
  for (let i = whole; i < values.length; i++) {
    a += values[i];
  }
  return a + b + (c + d);
}
