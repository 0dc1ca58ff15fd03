import { makeStyles } from '@fluentui/react-components';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHART_FONT_FAMILY, CHART_PALETTE, type ChartDefinition } from '@shared/charts/types';

// The SVG renderer needs neither eval nor a canvas, so it runs under the app's strict CSP and the
// drawn chart is text a screenshot and a test can read.
registerChartParts([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '100%' },
});

/**
 * One chart definition (the same the Word report prints) drawn on screen. The chart follows its
 * container's width; the height is the definition's.
 */
export function EChart({ chart }: { chart: ChartDefinition }) {
  if (chart.omitted) return <p>{chart.omitted}</p>;
  return <DrawnChart chart={chart} />;
}

function DrawnChart({ chart }: { chart: ChartDefinition }) {
  const styles = useStyles();
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current!;
    const created = init(element, null, { renderer: 'svg' });
    instance.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption({ color: CHART_PALETTE, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...chart.option, animation: false }, { notMerge: true });
  }, [chart]);

  return <div ref={container} className={styles.chart} style={{ height: chart.height }} role="img" aria-label={chart.title} />;
}
