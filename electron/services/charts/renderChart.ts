import { CHART_FONT_FAMILY, CHART_PALETTE, type ChartDefinition } from '@shared/charts/types';
import { chartLibraries } from '../lazy/heavyModules';
import { measureChartText } from './textMetrics';

let measuring = false;

/** ECharts, told the first time to measure text as DejaVu Sans draws it (there is no canvas here), so legends wrap and labels fit on paper. */
function echartsForPrint(): typeof import('echarts') {
  const { echarts } = chartLibraries();
  if (!measuring) echarts.setPlatformAPI({ measureText: measureChartText });
  measuring = true;
  return echarts;
}

/**
 * Renders the same chart definitions the renderer shows, without a browser: ECharts' server-side SVG
 * renderer, then resvg for PNG (Word and LibreOffice both place PNG reliably; SVG support differs).
 * Animation is off so the first frame is the final one.
 */
export function renderChartSvg(chart: ChartDefinition): string {
  const instance = echartsForPrint().init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
  try {
    instance.setOption({
      color: CHART_PALETTE,
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      backgroundColor: '#ffffff',
      ...chart.option,
      animation: false,
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

export interface PngImage {
  data: Buffer;
  /** Pixel size of the PNG (logical size × scale). */
  width: number;
  height: number;
}

/** `scale` 2 prints sharply at the chart's logical size in a Word document. */
export function renderChartPng(chart: ChartDefinition, scale = 2): PngImage {
  const svg = renderChartSvg(chart);
  const rendered = new (chartLibraries().Resvg)(svg, {
    fitTo: { mode: 'width', value: Math.round(chart.width * scale) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  }).render();
  return { data: rendered.asPng(), width: rendered.width, height: rendered.height };
}
