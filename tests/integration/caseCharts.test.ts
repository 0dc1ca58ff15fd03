import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../electron/services/charts/renderChart';
import { caseFiguresChart, costShareChart, lastingChangeChart } from '@shared/charts/caseCharts';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** The case and cost charts from real service output, drawn server-side as the annual report will. */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ now: '2024-06-15T10:00:00.000Z' });
});
afterEach(() => t.close());

describe('case and cost charts', () => {
  it('draw with municipality names, domains and units', async () => {
    const cases = renderChartSvg(caseFiguresChart(await t.okAsync('statistics:case-figures', { period: { year: 2023 } }), '2023'));
    expect(cases).toContain('Saker per kommune 2023');
    expect(cases).toContain('Rødøy');
    expect(cases).toContain('saker');

    const change = renderChartSvg(lastingChangeChart(await t.okAsync('statistics:lasting-change', { period: { year: 2023 } }), 1, '2023'));
    expect(change).toContain('Varig endring fra start til tre måneder etter 2023');
    expect(change).toContain('Økonomi');

    const cost = costShareChart(await t.okAsync('statistics:cost-share', { year: 2020 }));
    // No budget for 2020: the cost series are left out, the help series drawn.
    expect((cost.option.series as { data: unknown[] }[])[0]!.data.every((v) => v === '-')).toBe(true);
    expect(renderChartSvg(cost)).toContain('prosent');
  });
});
