import type { AnnualPivotDto } from '../contract/statistics';
import type { ChartDefinition } from './types';

/**
 * Hours per municipality, one stacked bar segment per category: the picture of «who got how much, of
 * what». Built from the same pivot result the screen shows; municipalities without time are left out.
 */
export function hoursByMunicipalityChart(pivot: AnnualPivotDto, categoryNames?: readonly string[]): ChartDefinition {
  const municipalities = pivot.byMunicipality.filter((m) => m.entries > 0).map((m) => m.municipality);
  const categories = pivot.categories.filter((c) => !categoryNames || categoryNames.includes(c.name));
  const hours = new Map(pivot.cells.map((c) => [`${c.municipality}\u0000${c.category}`, c.hours]));
  const series = categories
    .map((c) => ({
      type: 'bar' as const,
      name: c.name,
      stack: 'timer',
      data: municipalities.map((m) => hours.get(`${m}\u0000${c.name}`) ?? 0),
    }))
    .filter((s) => s.data.some((h) => h > 0));
  return {
    title: categoryNames ? `${categoryNames.join(' og ')} per kommune ${pivot.year} (timer)` : `Timer per kommune og hendelse ${pivot.year}`,
    width: 640,
    height: 340,
    option: {
      legend: { bottom: 0, type: 'plain' },
      grid: { left: 56, right: 16, top: 36, bottom: 64 },
      xAxis: { type: 'category', data: municipalities, axisLabel: { interval: 0, rotate: municipalities.length > 7 ? 30 : 0 } },
      yAxis: { type: 'value', name: 'timer' },
      series,
    },
  };
}
