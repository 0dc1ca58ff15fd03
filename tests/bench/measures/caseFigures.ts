import type { ChannelName } from '@shared/contract';
import { openDatabase } from '../../../electron/db/open';
import { formatMs, median, percentile, sampleInterleavedAsync } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { readerDispatcher, type BenchMeasure } from './context';

const RUNS = { warmup: 3, runs: 20 };
/** The Statistikk tabs answer as the pivot does: within what a click may take. */
const GOAL_MS = 200;

/**
 * Case figures, lasting change and cost share for one full year of the 1M database, through the
 * dispatcher. Case figures read every case and the distinct cases with time in the year; the cost
 * share adds the annual pivot.
 */
export const caseFiguresMeasure: BenchMeasure = {
  name: 'Saker og kostnad',
  async run(ctx): Promise<MeasureResult[]> {
    const year = ctx.lastYear - 1;
    const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
    try {
      const dispatcher = readerDispatcher(db);
      const ask = async (channel: ChannelName, input: unknown) => {
        const result = await dispatcher.dispatchAsync(channel, input);
        if (!result.ok) throw new Error(`${channel} feilet: ${result.error.code}`);
      };
      const cases = (db.sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n;
      const { figures, change, cost } = await sampleInterleavedAsync(
        {
          figures: () => ask('statistics:case-figures', { period: { year } }),
          change: () => ask('statistics:lasting-change', { period: { year } }),
          cost: () => ask('statistics:cost-share', { year }),
        },
        RUNS,
      );
      return [
        info('Saker i databasen', cases.toLocaleString('nb-NO')),
        atMost(`caseStatistics:figures ${year}, median`, median(figures), GOAL_MS, formatMs),
        atMost(`caseStatistics:figures ${year}, p95`, percentile(figures, 95), GOAL_MS, formatMs),
        atMost(`caseStatistics:lasting-change ${year}, median`, median(change), GOAL_MS, formatMs),
        atMost(`costShare:figures ${year}, median`, median(cost), GOAL_MS, formatMs),
      ];
    } finally {
      db.close();
    }
  },
};
