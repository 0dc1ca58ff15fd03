import type { ChannelName } from '@shared/contract';
import { yearRange } from '@shared/dates';
import { openDatabase } from '../../../electron/db/open';
import { formatMs, median, percentile, sampleInterleavedAsync } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { readerDispatcher, type BenchMeasure } from './context';

const RUNS = { warmup: 5, runs: 40 };
const GOAL_MS = 100;
const GOAL_RATIO = 3;

/**
 * The annual pivot for one full year of the 1M database — statistics:annual and the Statistikk page's
 * statistics:pivot (municipality × category, hours), both through the dispatcher — against the floor
 * of any query over that year: counting its rows on the date index. All are timed in turn, so the
 * ratios hold even when the machine is busy. The familiar tables are timed for information.
 */
export const annualPivotMeasure: BenchMeasure = {
  name: 'Årspivot',
  async run(ctx): Promise<MeasureResult[]> {
    const year = ctx.lastYear - 1;
    const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
    try {
      const dispatcher = readerDispatcher(db);
      const { from, to } = yearRange(year);
      const countStatement = db.sqlite.prepare('select count(*) as n from time_entries where entry_date between ? and ?');
      let rows = 0;
      const ask = async (channel: ChannelName, input: unknown) => {
        const result = await dispatcher.dispatchAsync(channel, input);
        if (!result.ok) throw new Error(`${channel} feilet: ${result.error.code}`);
      };
      const pivotQuery = { period: { year }, rows: 'municipality', columns: 'category', measure: 'hours' };
      const { pivot, statisticsPivot, familiar, count } = await sampleInterleavedAsync(
        {
          pivot: () => ask('statistics:annual', { year }),
          statisticsPivot: () => ask('statistics:pivot', pivotQuery),
          familiar: () => ask('statistics:familiar-tables', { period: { year } }),
          count: () => {
            rows = (countStatement.get(from, to) as { n: number }).n;
          },
        },
        RUNS,
      );

      const pivotMedian = median(pivot);
      const countMedian = median(count);
      const ratio = pivotMedian / countMedian;
      const statisticsPivotMedian = median(statisticsPivot);
      const times = (n: number) => `${n.toLocaleString('nb-NO', { maximumFractionDigits: 2 })}×`;
      return [
        info(`Registreringer i ${year}`, rows.toLocaleString('nb-NO')),
        atMost(`statistics:annual ${year}, median (${RUNS.runs} kjøringer)`, pivotMedian, GOAL_MS, formatMs),
        atMost(`statistics:annual ${year}, p95`, percentile(pivot, 95), GOAL_MS, formatMs),
        info(`count(*) for ${year}, median`, formatMs(median(count))),
        atMost('statistics:annual / count(*), median', ratio, GOAL_RATIO, times),
        atMost(`statistics:pivot kommune × hendelse, timer, ${year}, median`, statisticsPivotMedian, GOAL_MS, formatMs),
        atMost(`statistics:pivot ${year}, p95`, percentile(statisticsPivot, 95), GOAL_MS, formatMs),
        atMost('statistics:pivot / count(*), median', statisticsPivotMedian / countMedian, GOAL_RATIO, times),
        info(`statistics:familiar-tables ${year}, median`, formatMs(median(familiar))),
      ];
    } finally {
      db.close();
    }
  },
};
