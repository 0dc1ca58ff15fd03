import type { StatisticsTableDto, StatisticMeasure } from '../contract/statistics/pivot';
import { STATISTIC_UNITS } from '../contract/statistics/pivot';
import { formatMeasureSpelledOut, formatMeasureValue, measureDecimals } from '../domain/statistics';
import { CHART_PALETTE, type ChartDefinition } from './types';

export interface TableChartOptions {
  title: string;
  measure: StatisticMeasure;
  /** Stack the columns' bars when they add up to the total (not for distinct cases, not for overlapping members). */
  stacked: boolean;
  width?: number;
  height?: number;
}

/**
 * Bars per row label, one series per column of the table (totals left out: the stack shows them).
 * Only columns in the chosen measure take part, so one axis never mixes hours and counts.
 */
export function tableChart(table: StatisticsTableDto, options: TableChartOptions): ChartDefinition {
  const unit = STATISTIC_UNITS[options.measure];
  const columns = table.columns.map((c, index) => ({ ...c, index })).filter((c) => !c.total && c.measure === options.measure);
  const format = (value: unknown) => (typeof value === 'number' ? formatMeasureSpelledOut(value, options.measure) : '–');
  const width = options.width ?? 720;
  const height = options.height ?? Math.max(280, 120 + table.rows.length * 28);
  return {
    title: options.title,
    width,
    height,
    option: {
      color: CHART_PALETTE,
      animation: false,
      title: { text: options.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
      legend: columns.length > 1 ? { type: 'scroll', bottom: 0 } : undefined,
      // Room on the right for the value labels a single series carries.
      grid: { left: 12, right: columns.length === 1 ? 96 : 24, top: 48, bottom: columns.length > 1 ? 64 : 36, containLabel: true },
      // Horizontal bars: municipality and category names stay readable however many there are.
      yAxis: { type: 'category', data: table.rows.map((r) => r.label), inverse: true },
      xAxis: {
        type: 'value',
        name: unit,
        nameLocation: 'middle',
        nameGap: 28,
        // Counts have no halves: ticks at whole numbers only.
        minInterval: measureDecimals(options.measure) === 0 ? 1 : 0,
        axisLabel: { formatter: (value: number) => formatMeasureValue(value, options.measure) },
      },
      series: columns.map((c) => ({
        type: 'bar' as const,
        name: c.label,
        stack: options.stacked ? 'total' : undefined,
        barMaxWidth: 36,
        // A label in place of a number (a hidden figure) is not drawn: no bar of its own, never a guessed height.
        data: table.rows.map((r) => {
          const value = r.values[c.index] ?? 0;
          return typeof value === 'number' ? value : '-';
        }),
        label: columns.length === 1 ? { show: true, position: 'right' as const, formatter: (p: { value: unknown }) => format(p.value) } : undefined,
      })),
    },
  };
}
