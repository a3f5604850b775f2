/** The colours and sizes every chart of a report shares, so that a legend explains them all. */
export const CHART_STYLE = {
  unit: '#d9480f',
  median: '#1b365d',
  box: '#8fb0d3',
  band: '#d6e2ef',
  track: '#eef1f4',
  grid: '#d5dbe1',
  text: '#5b6673',
  font: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
} as const;

/** A coordinate with one decimal: enough for print, and short SVG. */
export const coord = (value: number): string => String(Math.round(value * 10) / 10);
