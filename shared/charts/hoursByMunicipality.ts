import type { AnnualPivotDto } from '../contract/statistics';
import { formatInteger } from '../format';
import type { ChartDefinition } from './types';

/**
 * Hours per municipality, one stacked bar segment per category: the picture of «who got how much, of
 * what». Bars lie down so the nine names stay readable on a printed page. Built from the same pivot result
 * the screen shows; municipalities without time are left out.
 */
export function hoursByMunicipalityChart(pivot: AnnualPivotDto, categoryNames?: readonly string[]): ChartDefinition {
  const categories = pivot.categories.filter((c) => !categoryNames || categoryNames.includes(c.name));
  const hours = new Map(pivot.cells.map((c) => [`${c.municipalityId}:${c.categoryId}`, c.hours]));
  const municipalities = pivot.byMunicipality.filter((m) => categories.some((c) => (hours.get(`${m.municipalityId}:${c.id}`) ?? 0) > 0));
  const series = categories
    .map((c) => ({
      type: 'bar' as const,
      name: c.name,
      stack: 'timer',
      barMaxWidth: 22,
      data: municipalities.map((m) => hours.get(`${m.municipalityId}:${c.id}`) ?? 0),
    }))
    .filter((s) => s.data.some((h) => h > 0));
  // The legend stands to the right, one category a line: server-side text measuring is approximate,
  // and names side by side ran into each other on paper.
  const legendHeight = series.length * 20;
  return {
    title: categoryNames ? `${categoryNames.join(' og ')} per kommune ${pivot.year} (timer)` : `Timer per kommune og hendelse ${pivot.year}`,
    width: 680,
    height: Math.max(legendHeight + 24, 56 + municipalities.length * 28),
    option: {
      legend: { orient: 'vertical', top: 8, right: 0, width: 220, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } },
      grid: { left: 24, right: 240, top: 8, bottom: 44, containLabel: true },
      yAxis: { type: 'category', data: municipalities.map((m) => m.municipality), inverse: true, axisTick: { show: false } },
      xAxis: {
        type: 'value',
        name: 'timer',
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: (value: number) => formatInteger(value) },
      },
      series,
    },
  };
}
