import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { asColumns, forPaper, legendRows, PATTERN_FROM_SERIES, thinnerStacks } from '../../electron/services/charts/printChart';
import { textWidth } from '../../electron/services/charts/textMetrics';
import { renderChartSvg } from '../../electron/services/charts/renderChart';
import { tableChart } from '@shared/charts/pivotChart';
import type { StatisticsTableDto } from '@shared/contract';

const CATEGORIES = [
  '1 Brukeroppfølging',
  '2 Kjøring',
  '3 Samarbeidspartnere',
  '4 Institusjon bruker',
  '6 Overnatting',
  '7 Nettverksarbeid',
  '8 Veiledning fra prosjektleder',
  '9 Erfaringskonsulent',
  '10 Ikke møtt',
];

const table: StatisticsTableDto = {
  title: 'Timer per kommune og hendelse',
  rowHeader: 'Kommune',
  columns: CATEGORIES.map((label, i) => ({ key: String(i), label, measure: 'hours', total: false })),
  rows: ['Fauske', 'Sørfold'].map((label) => ({ key: label, label, values: CATEGORIES.map((_, i) => (i + 1) * 10) })),
  totalRow: null,
};

describe('charts for print', () => {
  it('measures text as DejaVu Sans draws it (within 3 % of the rendered width)', () => {
    for (const text of ['Samarbeidspartnere', 'Veiledning fra prosjektleder', 'Gildeskål 2 100']) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="0" y="20" font-family="DejaVu Sans" font-size="12">${text}</text></svg>`;
      const box = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).getBBox()!;
      expect(Math.abs(box.width - textWidth(text, 12)) / box.width).toBeLessThan(0.03);
    }
  });

  it('wraps a long legend onto more rows instead of cutting labels, and makes room for it', () => {
    const chart = tableChart(table, { title: table.title, measure: 'hours', stacked: true });
    const rows = legendRows(CATEGORIES, chart.width);
    expect(rows).toBeGreaterThan(1);
    const printed = forPaper(chart);
    expect(printed.option.legend).toMatchObject({ type: 'plain', textStyle: { overflow: 'break' } });
    expect(printed.height).toBe(chart.height + (rows - 1) * 24);
  });

  it('prints lying stacked bars a fifth thinner than the screen when asked, so two charts of every member share a page', () => {
    const eleven = { ...table, rows: Array.from({ length: 11 }, (_, i) => ({ key: String(i), label: `Kommune ${i}`, values: CATEGORIES.map(() => 1) })) };
    const chart = tableChart(eleven, { title: table.title, measure: 'hours', stacked: true });
    expect(chart.height).toBe(120 + 11 * 28);
    expect(thinnerStacks(chart).height).toBe(120 + 11 * 22);
    // Not by itself: forPaper keeps the height but for the legend's rows.
    expect(forPaper(chart).height).toBe(chart.height + (legendRows(CATEGORIES, chart.width) - 1) * 24);
    // Bars side by side (not stacked) keep their height: each row holds a bar per series.
    const sideBySide = tableChart(eleven, { title: table.title, measure: 'hours', stacked: false });
    expect(thinnerStacks(sideBySide).height).toBe(sideBySide.height);
  });

  it('stands the bars up for a landscape page: municipalities along the bottom, every one labelled, the unit beside the values', () => {
    const lying = tableChart(table, { title: table.title, measure: 'hours', stacked: true });
    const standing = asColumns(lying, 930, 270);
    expect([standing.width, standing.height]).toEqual([930, 270]);
    const { xAxis, yAxis } = standing.option as { xAxis: Record<string, unknown>; yAxis: Record<string, unknown> };
    expect(xAxis).toMatchObject({ type: 'category', data: ['Fauske', 'Sørfold'], inverse: false, axisLabel: { interval: 0 } });
    expect(yAxis).toMatchObject({ type: 'value', name: (lying.option.xAxis as { name: string }).name, nameLocation: 'middle' });
    // The drawn SVG holds every label and the unit: nothing is skipped or clipped off the left edge.
    const svg = renderChartSvg(forPaper(standing));
    for (const text of ['Fauske', 'Sørfold', 'timer']) expect(svg).toContain(`>${text}<`);
  });

  it('adds patterns when the series are many, not for two', () => {
    const many = forPaper(tableChart(table, { title: table.title, measure: 'hours', stacked: true }));
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(PATTERN_FROM_SERIES);
    expect(many.option.aria).toMatchObject({ decal: { show: true } });
    const two = forPaper(tableChart({ ...table, columns: table.columns.slice(0, 2) }, { title: table.title, measure: 'hours', stacked: true }));
    expect(two.option.aria).toBeUndefined();
  });
});
