import type { ChartDefinition } from '@shared/charts/types';

/** A value a bar is drawn for: ECharts takes a number, or `{ value }`; '-' and null draw nothing. */
function barValue(point: unknown): number {
  const value = typeof point === 'object' && point !== null && 'value' in point ? (point as { value: unknown }).value : point;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * A chart with no bar to draw prints as an empty frame with a bare axis (the legacy 2020 data: no case with a
 * referral or closing date, no lasting-change assessment), which reads as a fault in the report and takes half
 * a page. It is replaced by a sentence, as a chart that would mislead is; the table it draws still prints.
 */
export function withoutEmptyChart(chart: ChartDefinition): ChartDefinition {
  if (chart.omitted) return chart;
  const series = chart.option.series;
  const all = Array.isArray(series) ? series : series ? [series] : [];
  const drawsSomething = all.some((s) => Array.isArray((s as { data?: unknown }).data) && (s as { data: unknown[] }).data.some((p) => barValue(p) !== 0));
  return drawsSomething ? chart : { ...chart, omitted: `Figuren «${chart.title}» vises ikke: alle tallene i den er 0.` };
}
