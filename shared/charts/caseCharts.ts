import type { CaseFiguresDto, CostShareDto, LastingChangeDto } from '../contract';
import { LASTING_CHANGE_DIRECTION_LABEL, LASTING_CHANGE_DIRECTIONS } from '../contract/statistics/caseFigures';
import { formatMeasureSpelledOut, formatMeasureValue, measureDecimals } from '../domain/statistics';
import type { TableMeasure } from '../contract/statistics/pivot';
import { CHART_PALETTE, type ChartDefinition } from './types';
import { DISCLOSURE_THRESHOLD } from '../domain/disclosureControl';

interface BarSeries {
  name: string;
  /** null: not drawn (a cell hidden under the small-number rule, or a figure not computed). */
  data: (number | null)[];
}

/** Horizontal bars per label, one series each, with the unit on the axis and in the tooltip. */
function barChart(title: string, labels: string[], series: BarSeries[], measure: TableMeasure, unit: string, stacked = false): ChartDefinition {
  const format = (value: unknown) => (typeof value === 'number' ? formatMeasureSpelledOut(value, measure) : '–');
  const height = Math.max(280, 120 + labels.length * (stacked ? 28 : 14 + 10 * series.length));
  return {
    title,
    width: 720,
    height,
    option: {
      color: CHART_PALETTE,
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 12, right: 24, top: 48, bottom: 64, containLabel: true },
      yAxis: { type: 'category', data: labels, inverse: true },
      xAxis: {
        type: 'value',
        name: unit,
        nameLocation: 'middle',
        nameGap: 28,
        // Counts have no halves: ticks at whole numbers only (else a small axis reads «0 0 0 1 1 1»).
        minInterval: measureDecimals(measure) === 0 ? 1 : 0,
        axisLabel: { formatter: (value: number) => formatMeasureValue(value, measure) },
      },
      // ECharts leaves «-» out of the bar, which is what a hidden cell should look like.
      series: series.map((s) => ({ type: 'bar' as const, name: s.name, stack: stacked ? 'total' : undefined, data: s.data.map((v) => v ?? '-') })),
    },
  };
}

export function caseFiguresChart(dto: CaseFiguresDto, periodLabel: string): ChartDefinition {
  return barChart(
    `Saker per kommune ${periodLabel}`,
    dto.rows.map((r) => r.municipality),
    [
      { name: 'Henvist', data: dto.rows.map((r) => r.referred) },
      { name: 'Aktive ved periodens slutt', data: dto.rows.map((r) => r.activeAtEnd) },
      { name: 'Avsluttet', data: dto.rows.map((r) => r.closed) },
    ],
    'cases',
    'saker',
  );
}

/**
 * Stacked better / same / worse per domain. A hidden cell is never drawn, and leaving it out would make the
 * stack tell another story (only «Bedre» bars, as if everyone improved); so with any figure hidden the chart
 * is replaced by a sentence pointing at the table.
 */
export function lastingChangeChart(dto: LastingChangeDto, comparisonIndex: 0 | 1, periodLabel: string): ChartDefinition {
  const comparison = dto.comparisons[comparisonIndex]!;
  const anyHidden = comparison.rows.some((r) => [r.bedre, r.uendret, r.verre, r.total].some((c) => c.kind === 'suppressed'));
  const chart = barChart(
    `Varig endring ${comparison.label.toLocaleLowerCase('nb')} ${periodLabel}`,
    comparison.rows.map((r) => r.domain),
    LASTING_CHANGE_DIRECTIONS.map((direction) => ({
      name: LASTING_CHANGE_DIRECTION_LABEL[direction],
      data: comparison.rows.map((r) => (r[direction].kind === 'count' ? r[direction].value : null)),
    })),
    'cases',
    'saker',
    true,
  );
  return anyHidden
    ? {
        ...chart,
        omitted: `Figuren «${chart.title}» vises ikke: noen av tallene bygger på færre enn ${DISCLOSURE_THRESHOLD} saker og er skjult, og søylene ville da gitt et skjevt bilde. Se tabellen.`,
      }
    : chart;
}

/** What each municipality pays (model 1) beside what it got: shares in per cent, side by side. */
export function costShareChart(dto: CostShareDto): ChartDefinition {
  const percent = (share: number) => Math.round(share * 1000) / 10;
  return barChart(
    `Andel av kostnad og andel av hjelp ${dto.year}`,
    dto.rows.map((r) => r.municipality),
    [
      { name: 'Kostnad, modell 1', data: dto.rows.map((r) => (r.models ? percent(r.models.equalBase.share) : null)) },
      { name: 'Kostnad, modell 2', data: dto.rows.map((r) => (r.models ? percent(r.models.bands.share) : null)) },
      { name: 'Kostnad, modell 3', data: dto.rows.map((r) => (r.models ? percent(r.models.extraServices.share) : null)) },
      { name: 'Timer', data: dto.rows.map((r) => percent(r.hoursShare)) },
      { name: 'Saker', data: dto.rows.map((r) => percent(r.casesShare)) },
    ],
    'share',
    'prosent',
  );
}
