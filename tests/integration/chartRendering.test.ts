import { describe, expect, it } from 'vitest';
import { renderChartPng, renderChartPngAsync, renderChartSvg } from '../../electron/services/charts/renderChart';
import type { ChartDefinition } from '@shared/charts/types';

const chart: ChartDefinition = {
  title: 'Timer per kommune',
  width: 600,
  height: 300,
  option: {
    xAxis: { type: 'category', data: ['Fauske', 'Sørfold', 'Rødøy'] },
    yAxis: { type: 'value', name: 'timer' },
    series: [{ type: 'bar', data: [120.5, 40, 12] }],
  },
};

describe('server-side chart rendering', () => {
  it('draws the definition as SVG with its labels, Norwegian letters included', () => {
    const svg = renderChartSvg(chart);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Sørfold');
    expect(svg).toContain('Rødøy');
    expect(svg).toContain('timer');
  });

  it('turns it into a PNG at twice the logical size', () => {
    const png = renderChartPng(chart);
    expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.width).toBe(1200);
    expect(png.height).toBe(600);
    // A blank image compresses to almost nothing; drawn bars and text do not.
    expect(png.data.length).toBeGreaterThan(5_000);
  });

  it('draws the same PNG on a worker thread as on the calling one', async () => {
    const onWorker = await renderChartPngAsync(chart);
    expect(onWorker.width).toBe(1200);
    expect(onWorker.data.equals(renderChartPng(chart).data)).toBe(true);
  });

  it('draws different data differently', () => {
    const other = renderChartSvg({ ...chart, option: { ...chart.option, series: [{ type: 'bar', data: [1, 2, 3] }] } });
    expect(other).not.toBe(renderChartSvg(chart));
  });
});
