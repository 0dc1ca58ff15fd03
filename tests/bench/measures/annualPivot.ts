import type { ChannelName } from '../../../shared/contract';
import { yearRange } from '../../../shared/dates';
import { openDatabase } from '../../../electron/db/open';
import { formatMs, median, percentile, sampleInterleaved } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { readerDispatcher, type BenchMeasure } from './context';

const RUNS = { warmup: 5, runs: 40 };
const GOAL_MS = 100;
const GOAL_RATIO = 3;

/**
 * The annual pivot (statistics:annual through the dispatcher) for one full year of the 1M database,
 * against the floor of any query over that year: counting its rows on the date index. The two are
 * timed in turn, so the ratio holds even when the machine is busy.
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
      const { pivot, count } = sampleInterleaved(
        {
          pivot: () => {
            const result = dispatcher.dispatch('statistics:annual' satisfies ChannelName, { year });
            if (!result.ok) throw new Error(`statistics:annual feilet: ${result.error.code}`);
          },
          count: () => {
            rows = (countStatement.get(from, to) as { n: number }).n;
          },
        },
        RUNS,
      );

      const pivotMedian = median(pivot);
      const ratio = pivotMedian / median(count);
      return [
        info(`Registreringer i ${year}`, rows.toLocaleString('nb-NO')),
        atMost(`statistics:annual ${year}, median (${RUNS.runs} kjøringer)`, pivotMedian, GOAL_MS, formatMs),
        atMost(`statistics:annual ${year}, p95`, percentile(pivot, 95), GOAL_MS, formatMs),
        info(`count(*) for ${year}, median`, formatMs(median(count))),
        atMost('statistics:annual / count(*), median', ratio, GOAL_RATIO, (n) => `${n.toLocaleString('nb-NO', { maximumFractionDigits: 2 })}×`),
      ];
    } finally {
      db.close();
    }
  },
};
