import type { AnnualReportContent } from '../../electron/services/annualReport/reportContent';

/**
 * The bar labels of every chart the annual report draws (a chapter's charts and those under a table), as
 * the chart definition gives them to ECharts: the category axis, lying or standing.
 */
export function reportChartLabels(content: AnnualReportContent): { title: string; labels: string[] }[] {
  const charts = content.sections.flatMap((s) => [...s.charts, ...s.tables.flatMap((t) => (t.chart ? [t.chart] : []))]);
  return charts
    .filter((chart) => !chart.omitted)
    .map((chart) => {
      const axes = [chart.option.yAxis, chart.option.xAxis] as { type?: string; data?: unknown[] }[];
      const category = axes.find((a) => a?.type === 'category');
      return { title: chart.title, labels: (category?.data ?? []).map(String) };
    });
}
