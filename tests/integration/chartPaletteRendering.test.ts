import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../electron/services/charts/renderChart';
import { CHART_PALETTE, type ChartDefinition } from '@shared/charts/types';

const WIDTH = 200;
const HEIGHT = 400;

/** Ten full-width bars, one per palette colour, nothing else on the page. */
const swatches: ChartDefinition = {
  title: 'Fargeprøve',
  width: WIDTH,
  height: HEIGHT,
  option: {
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', max: 1, show: false },
    yAxis: { type: 'category', data: CHART_PALETTE.map((_, i) => String(i)), show: false },
    series: [{ type: 'bar', barWidth: '80%', data: CHART_PALETTE.map((color) => ({ value: 1, itemStyle: { color } })) }],
  },
};

describe('the palette as printed', () => {
  it('renders each colour to PNG as a grey at least 19 levels from every other', () => {
    const image = new Resvg(renderChartSvg(swatches), { background: '#ffffff' }).render();
    const greys = CHART_PALETTE.map((_, i) => {
      // Category 0 is at the bottom of a vertical category axis.
      const y = Math.round(HEIGHT - (i + 0.5) * (HEIGHT / CHART_PALETTE.length));
      const at = (y * image.width + WIDTH / 2) * 4;
      const [r, g, b] = [image.pixels[at]!, image.pixels[at + 1]!, image.pixels[at + 2]!];
      return 0.299 * r + 0.587 * g + 0.114 * b;
    });
    // The pixels are the palette's colours, not the page or a neighbour.
    expect(new Set(greys.map(Math.round)).size).toBe(10);
    const distances = greys.flatMap((a, i) => greys.slice(i + 1).map((b) => Math.abs(a - b)));
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(19);
    expect(Math.max(...greys)).toBeLessThan(225);
  });
});
