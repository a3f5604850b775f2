import { CHART_STYLE as S } from './chart-style';
import { SvgMarkup } from './svg-markup';

/** The swatches of the report's legend: a line or a mark in the charts' colours. */
export const LEGEND_SWATCHES = {
  band: SvgMarkup.fromChartBuilder(
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 24 12"><rect x="0" y="3" width="24" height="6" fill="${S.band}"/></svg>`,
  ),
  box: SvgMarkup.fromChartBuilder(
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 24 12"><rect x="0" y="0" width="24" height="12" fill="${S.box}"/></svg>`,
  ),
  median: SvgMarkup.fromChartBuilder(
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 24 12"><line x1="12" y1="0" x2="12" y2="12" stroke="${S.median}" stroke-width="2.5"/></svg>`,
  ),
  unit: SvgMarkup.fromChartBuilder(
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 24 12"><circle cx="12" cy="6" r="5" fill="${S.unit}"/></svg>`,
  ),
  unitLine: SvgMarkup.fromChartBuilder(
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 24 12"><line x1="0" y1="6" x2="24" y2="6" stroke="${S.unit}" stroke-width="2"/><circle cx="12" cy="6" r="2.6" fill="${S.unit}"/></svg>`,
  ),
  medianLine: SvgMarkup.fromChartBuilder(
    `<svg xmlns="http://www.w3.org/2000/svg" class="swatch" viewBox="0 0 24 12"><line x1="0" y1="6" x2="24" y2="6" stroke="${S.median}" stroke-width="1.5" stroke-dasharray="4 3"/></svg>`,
  ),
} as const;
