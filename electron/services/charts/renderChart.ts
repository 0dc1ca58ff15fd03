import { CHART_FONT_FAMILY, CHART_PALETTE, type ChartDefinition } from '@shared/charts/types';
import { chartLibraries } from '../lazy/heavyModules';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { measureChartText } from './textMetrics';
import { chartFont } from './chartFont';

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

/**
 * resvg's options: the chart font's own files when one of the chart's families is installed (found once per
 * process), every system font as before only when none is. The family also stands for «sans-serif», the
 * font list's last resort, so a label is never drawn in a font that was not loaded.
 */
function resvgOptions(chart: ChartDefinition, scale: number): ResvgRenderOptions {
  const font = chartFont();
  return {
    fitTo: { mode: 'width', value: Math.round(chart.width * scale) },
    font: font
      ? { loadSystemFonts: false, fontFiles: font.files, defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  };
}

/** `scale` 2 prints sharply at the chart's logical size in a Word document. */
export function renderChartPng(chart: ChartDefinition, scale = 2): PngImage {
  const rendered = new (chartLibraries().Resvg)(renderChartSvg(chart), resvgOptions(chart, scale)).render();
  return { data: rendered.asPng(), width: rendered.width, height: rendered.height };
}

/**
 * The same PNG, drawn on one of Node's worker threads: a report's charts are drawn side by side, and beside
 * the JavaScript that lays out the document (the SVG itself is made on the calling thread).
 */
export async function renderChartPngAsync(chart: ChartDefinition, scale = 2): Promise<PngImage> {
  const rendered = await chartLibraries().renderSvgAsync(renderChartSvg(chart), resvgOptions(chart, scale));
  return { data: rendered.asPng(), width: rendered.width, height: rendered.height };
}
