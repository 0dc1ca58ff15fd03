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

/**
 * Ten categorical colours, each a different hue and a different grey: their greyscale values (Rec. 601 luma,
 * what a black-and-white printer or «greyscale» in Word makes of them) lie at least 19 of 255 apart, from
 * near-black to light, so no two series print as the same grey. Ordered so that neighbours differ most in
 * grey and the first five (the most common series count) span the whole range. A unit test checks both.
 */
export const CHART_PALETTE = [
  '#10386F', // dark blue
  '#E18930', // orange
  '#127F63', // teal
  '#EBE171', // light yellow
  '#430A26', // near-black plum
  '#70C2EB', // sky blue
  '#E04526', // vermilion
  '#95EA6B', // light green
  '#6E1CC1', // violet
  '#E54BB2', // pink
];

export const CHART_FONT_FAMILY = "'Segoe UI', 'DejaVu Sans', Arial, sans-serif";
