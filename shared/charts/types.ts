import type { EChartsOption } from 'echarts';

/**
 * A chart as data: the ECharts option the screen draws and the Word report prints. Builders in
 * `shared/charts/` turn a statistics result into one of these, so the two can never disagree.
 */
export interface ChartDefinition {
  /** Norwegian title, printed above the chart in the report and used as the image's alt text. */
  title: string;
  option: EChartsOption;
  /** Logical size in CSS pixels; the PNG is rendered at `scale` times this. */
  width: number;
  height: number;
  /**
   * Set when drawing would mislead — hidden figures would leave bars out and the rest would tell another story
   * (only «Bedre» bars, as if everyone improved): the screen and the report print this sentence instead.
   */
  omitted?: string;
}

/** Colours that stay apart in greyscale print and for colour-blind readers (Okabe–Ito order). */
export const CHART_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export const CHART_FONT_FAMILY = "'Segoe UI', 'DejaVu Sans', Arial, sans-serif";
