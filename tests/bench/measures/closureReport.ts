import { buildDocument } from '../../../electron/services/documents/generateDocument';
import { fixedClock, type ServiceContext } from '../../../electron/services/context';
import { formatMs, median, percentile } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { buildClosedCase } from '../../support/documentCases';
import { createTestDatabase, TEST_RESOURCES_DIR } from '../../support/testDatabase';
import type { BenchMeasure } from './context';

const RUNS = { warmup: 3, runs: 20 };
/** Clicking «Lag avslutningsrapport» should answer at once, chart included. */
const GOAL_MS = 300;

/**
 * One closure report as the case page makes it: the case read through the services, the hours chart
 * rendered to PNG, the stored template filled (no log row, so every run does the same work). The case is
 * a realistic closed one with goals, partners, ratings and time; the size of the database around it does
 * not change the work.
 */
export const closureReportMeasure: BenchMeasure = {
  name: 'Avslutningsrapport',
  async run(): Promise<MeasureResult[]> {
    const t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
    try {
      const closed = await buildClosedCase(t);
      const ctx: ServiceContext = {
        db: t.db,
        actor: null,
        clock: fixedClock('2020-06-20T10:00:00.000Z'),
        session: { actor: null },
        resourcesDir: TEST_RESOURCES_DIR,
      };
      let bytes = 0;
      for (let i = 0; i < RUNS.warmup; i++) await buildDocument(ctx, closed.caseId, 'closure-report');
      const times: number[] = [];
      for (let i = 0; i < RUNS.runs; i++) {
        const start = performance.now();
        bytes = (await buildDocument(ctx, closed.caseId, 'closure-report')).content.length;
        times.push(performance.now() - start);
      }
      return [
        info('Avslutningsrapport, filstørrelse', `${Math.round(bytes / 1024)} kB`),
        atMost(`Avslutningsrapport (mal + data + diagram), p95 (median ${formatMs(median(times))})`, percentile(times, 95), GOAL_MS, formatMs),
      ];
    } finally {
      t.close();
    }
  },
};
