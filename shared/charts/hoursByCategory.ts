import type { ChartDefinition } from './types';
import { CHART_PALETTE } from './types';
import { formatHours, formatHoursWithUnit } from '../format';

export interface CategoryHours {
  categoryName: string;
  minutes: number;
}

/**
 * Hours per activity category as horizontal bars, largest first: the closure report's picture of the
 * work done on a case, and the same chart wherever a case's time is shown. Labels carry the unit.
 */
export function hoursByCategoryChart(rows: readonly CategoryHours[], title = 'Timer per hendelse'): ChartDefinition {
  const sorted = [...rows].filter((r) => r.minutes > 0).sort((a, b) => a.minutes - b.minutes);
  const height = Math.max(140, 60 + sorted.length * 34);
  return {
    title,
    width: 600,
    height,
    option: {
      title: { text: title, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold' } },
      grid: { left: 16, right: 90, top: 34, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: 'timer', nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: (v: number) => formatHours(v * 60) } },
      yAxis: { type: 'category', data: sorted.map((r) => r.categoryName), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: sorted.map((r) => Math.round((r.minutes / 60) * 10) / 10),
          itemStyle: { color: CHART_PALETTE[0] },
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => formatHoursWithUnit(Number(p.value) * 60) },
        },
      ],
    },
  };
}
