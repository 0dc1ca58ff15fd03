import { createRequire } from 'node:module';

/**
 * The large libraries only some channels need (writing .xlsx, filling .docx templates, drawing charts),
 * loaded on first use instead of when the services are imported: a command-line call such as
 * `call system:status` then starts in a fraction of the time and memory, and the window opens sooner.
 * `tests/unit/lazyHeavyModules.test.ts` keeps them out of the static imports.
 */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}

export async function loadTemplateEngine(): Promise<typeof import('easy-template-x')> {
  return import('easy-template-x');
}

const requireCommonJs = createRequire(import.meta.url);

export interface ChartLibraries {
  echarts: typeof import('echarts');
  Resvg: typeof import('@resvg/resvg-js').Resvg;
  renderSvgAsync: typeof import('@resvg/resvg-js').renderAsync;
}

let charts: ChartLibraries | null = null;

/**
 * Synchronous, because chart drawing is called from synchronous code (the closure report's data); both
 * packages ship CommonJS builds, so `require` loads them on the first chart and Node caches them after.
 */
export function chartLibraries(): ChartLibraries {
  if (!charts) {
    const resvg = requireCommonJs('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    charts = { echarts: requireCommonJs('echarts') as typeof import('echarts'), Resvg: resvg.Resvg, renderSvgAsync: resvg.renderAsync };
  }
  return charts;
}
