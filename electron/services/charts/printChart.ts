import type { ChartDefinition } from '@shared/charts/types';
import { textWidth } from './textMetrics';

/** ECharts' legend defaults, in pixels: symbol, gap between symbol and text, gap between items, padding. */
const LEGEND = { itemWidth: 25, textGap: 5, itemGap: 10, padding: 5, fontSize: 12, rowHeight: 24 };
/** From this many series on, colour alone is not enough on a greyscale printer: bars get patterns too. */
export const PATTERN_FROM_SERIES = 4;

/** How many rows a horizontal legend of `names` takes in `width` pixels, packed as ECharts packs it. */
export function legendRows(names: readonly string[], width: number): number {
  const available = width - 2 * LEGEND.padding;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = Math.min(available, LEGEND.itemWidth + LEGEND.textGap + textWidth(name, LEGEND.fontSize));
    if (used > 0 && used + LEGEND.itemGap + item > available) {
      rows += 1;
      used = item;
    } else used += (used > 0 ? LEGEND.itemGap : 0) + item;
  }
  return rows;
}

/**
 * Paper cannot scroll or hover: the legend is printed in full, wrapped onto as many rows as its labels need
 * (measured in DejaVu Sans), with the plot kept clear of it; a label wider than the page breaks inside its
 * item instead of being cut. With many series the bars also carry patterns, so they stay apart in greyscale.
 */
export function forPaper(chart: ChartDefinition): ChartDefinition {
  return withFullLegend(chart);
}

/** Paper's row of stacked bars: thick enough to read and to tell the patterns apart, a fifth thinner than the screen's. */
const PAPER_STACK_ROW = 22;

/**
 * Lying stacked bars (one bar per municipality) at the paper's row height: the annual report draws every
 * member, also those with nothing, and at the screen's height its two such charts no longer share a page.
 * Only for those two: another chart's height moves every page after it, and the contents' page numbers are
 * worked out for a layout the other charts keep.
 */
export function thinnerStacks(chart: ChartDefinition): ChartDefinition {
  const series = (Array.isArray(chart.option.series) ? chart.option.series : []) as { stack?: string }[];
  const axis = chart.option.yAxis as { type?: string; data?: unknown[] } | undefined;
  if (series.length === 0 || !series.every((s) => s.stack) || axis?.type !== 'category' || !axis.data) return chart;
  return { ...chart, height: Math.min(chart.height, Math.max(280, 120 + axis.data.length * PAPER_STACK_ROW)) };
}

function withFullLegend(chart: ChartDefinition): ChartDefinition {
  const series = (Array.isArray(chart.option.series) ? chart.option.series : []) as { name?: string }[];
  const legend = chart.option.legend;
  const patterned = series.length >= PATTERN_FROM_SERIES ? { aria: { enabled: true, decal: { show: true } } } : {};
  if (!legend || Array.isArray(legend)) return { ...chart, option: { ...chart.option, ...patterned } };
  const grid = (chart.option.grid ?? {}) as { bottom?: number };
  const rows = legendRows(
    series.map((s) => s.name ?? ''),
    chart.width,
  );
  const extra = (rows - 1) * LEGEND.rowHeight;
  return {
    ...chart,
    height: chart.height + extra,
    option: {
      ...chart.option,
      ...patterned,
      legend: {
        ...legend,
        type: 'plain',
        left: 'center',
        textStyle: { width: chart.width - 2 * LEGEND.padding - LEGEND.itemWidth - LEGEND.textGap, overflow: 'break' },
      },
      grid: { ...grid, bottom: (grid.bottom ?? 60) + extra },
    },
  };
}

/**
 * The same bars standing up, `width` × `height` pixels: how a chart fits under its table on a landscape page,
 * where lying bars (one row per municipality and series) would need a page of their own. The value axis
 * keeps its name, now beside it, with room on the left so it is not clipped.
 */
export function asColumns(chart: ChartDefinition, width: number, height: number): ChartDefinition {
  const option = chart.option as { xAxis?: object; yAxis?: object; grid?: object };
  return {
    ...chart,
    width,
    height,
    option: {
      ...chart.option,
      // Every label under its group: ECharts would skip some when they crowd.
      xAxis: { ...option.yAxis, inverse: false, axisLabel: { interval: 0 } },
      yAxis: { ...option.xAxis, nameGap: 36 },
      grid: { ...option.grid, left: 44 },
    },
  };
}
