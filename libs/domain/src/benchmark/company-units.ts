// Bound once: a global lookup of Math inside the hot loops costs far more under Jest's sandbox.
const { max } = Math;

/** The units of each company, as compressed rows: `units[start[c] .. start[c + 1]]`. */
export interface CompanyUnits {
  start: Int32Array;
  units: Int32Array;
  /** The most units one company has. */
  largest: number;
}

/** Groups units by company, given owners[u]: the company (0-based index) of unit u. */
export function companyUnitsOf(owners: Int32Array): CompanyUnits {
  const count = owners.length;
  let companies = 0;
  for (let u = 0; u < count; u++) {
    companies = max(companies, owners[u] + 1);
  }
  const start = new Int32Array(companies + 1);
  for (let u = 0; u < count; u++) {
    start[owners[u] + 1]++;
  }
  let largest = 0;
  for (let c = 0; c < companies; c++) {
    largest = max(largest, start[c + 1]);
    start[c + 1] += start[c];
  }
  const fill = start.slice(0, companies);
  const units = new Int32Array(count);
  for (let u = 0; u < count; u++) {
    units[fill[owners[u]]++] = u;
  }
  return { start, units, largest };
}
