import { describe, expect, it } from 'vitest';
import type { FamiliarTableDto, StatisticMeasure, StatisticsTableDto } from '@shared/contract';
import { familiarTableChart } from '@shared/charts/familiarTablesChart';
import { tableChart } from '@shared/charts/pivotChart';
import { CHART_PALETTE } from '@shared/charts/types';
import { formatMeasureWithUnit, headingWithUnit, monthLabel } from '@shared/domain/statistics';
import { renderChartSvg } from '../../electron/services/charts/renderChart';

const column = (key: string, label: string, measure: StatisticMeasure, total = false) => ({ key, label, measure, total });

const table: StatisticsTableDto = {
  title: 'Timer per kommune og hendelse, 2020',
  rowHeader: 'Kommune',
  columns: [column('1', '1 Brukeroppfølging', 'hours'), column('2', '2 Kjøring', 'hours'), column('total', 'Totalsum', 'hours', true)],
  rows: [
    { key: '1', label: 'Fauske', values: [1234.5, 12, 1246.5] },
    { key: '2', label: 'Sørfold', values: [null, 0.5, 0.5] },
  ],
  totalRow: [1234.5, 12.5, 1247],
};

type Series = { name: string; data: number[]; stack?: string; type: string };

describe('pivot chart', () => {
  const chart = tableChart(table, { title: table.title, measure: 'hours', stacked: true });
  const option = chart.option as {
    series: Series[];
    xAxis: { name: string; axisLabel: { formatter: (v: number) => string } };
    yAxis: { data: string[] };
    tooltip: { valueFormatter: (v: unknown) => string };
    color: string[];
  };

  it('draws one series per column, totals left out, empty cells as zero', () => {
    expect(option.series.map((s) => [s.name, s.data, s.stack])).toEqual([
      ['1 Brukeroppfølging', [1234.5, 0], 'total'],
      ['2 Kjøring', [12, 0.5], 'total'],
    ]);
    expect(option.yAxis.data).toEqual(['Fauske', 'Sørfold']);
    expect(option.color).toEqual(CHART_PALETTE);
  });

  it('names the unit on the axis and writes Norwegian numbers in labels and tooltips', () => {
    expect(option.xAxis.name).toBe('timer');
    expect(option.xAxis.axisLabel.formatter(1234.5)).toBe('1 234,5');
    expect(option.tooltip.valueFormatter(0.5)).toBe('0,5 timer');
  });

  it('does not stack what does not add up, and keeps a count from mixing with hours', () => {
    const cases = tableChart(
      { ...table, columns: table.columns.map((c) => ({ ...c, measure: 'cases' as const })) },
      { title: 'Saker', measure: 'cases', stacked: false },
    );
    const series = (cases.option as { series: Series[]; xAxis: { name: string } }).series;
    expect(series.every((s) => s.stack === undefined)).toBe(true);
    expect((cases.option as { xAxis: { name: string } }).xAxis.name).toBe('saker');
  });

  it('renders to SVG with the Norwegian names', () => {
    const svg = renderChartSvg(chart);
    expect(svg).toContain('Sørfold');
    expect(svg).toContain('timer');
  });
});

describe('familiar table chart', () => {
  it('shows the hours per municipality, never the entry counts', () => {
    const familiar = {
      key: 'partners',
      title: 'Samarbeidspartnere',
      table: {
        title: 'Samarbeidspartnere',
        rowHeader: 'Kommune',
        columns: [
          column('3:hours', 'Samarbeidspartnere', 'hours'),
          column('3:entries', 'Samarbeidspartnere', 'entries'),
          column('total:hours', 'Totalsum', 'hours', true),
          column('total:entries', 'Totalsum', 'entries', true),
        ],
        rows: [{ key: '1', label: 'Fauske', values: [55.5, 111, 55.5, 111] }],
        totalRow: [55.5, 111, 55.5, 111],
      },
    } as unknown as FamiliarTableDto;
    const chart = familiarTableChart(familiar);
    expect(chart.title).toBe('Samarbeidspartnere – timer');
    expect((chart.option as { series: Series[] }).series.map((s) => s.data)).toEqual([[55.5]]);
  });
});

describe('statistics labels', () => {
  it('writes figures with their unit, Norwegian style', () => {
    expect(formatMeasureWithUnit(1234.5, 'hours')).toBe('1 234,5 t');
    expect(formatMeasureWithUnit(3, 'entries')).toBe('3 reg.');
    expect(formatMeasureWithUnit(2, 'cases')).toBe('2 saker');
    expect(headingWithUnit('Kjøring', 'personHours')).toBe('Kjøring (persontimer)');
    expect(monthLabel('2021-03', false)).toBe('mars');
    expect(monthLabel('2020-12', true)).toBe('des. 2020');
  });
});
