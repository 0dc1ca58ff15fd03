import type { ChannelInput, ChannelName } from '@shared/contract';
import { openDatabase } from '../../../electron/db/open';
import { formatMs, percentile, sampleAsync } from '../measure';
import { atMost, type MeasureResult } from '../report';
import { readerDispatcher, type BenchMeasure } from './context';

const RUNS = { warmup: 5, runs: 60 };
const GOAL_P95_MS = 100;
const PAGE_SIZE = 100;

type ListInput = ChannelInput<'time-entries:list'>;

/**
 * The time-entry grid on the 1M database: one page of 100 rows with its totals, as the grid asks for
 * it — first page, a page deep into the list, sorted by another column, and each filter. p95 each.
 */
export const gridQueriesMeasure: BenchMeasure = {
  name: 'Registreringslisten',
  async run(ctx): Promise<MeasureResult[]> {
    const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
    try {
      const dispatcher = readerDispatcher(db);
      const one = <T>(sql: string) => db.sqlite.prepare(sql).get() as T;
      const fauske = one<{ id: number }>("select id from municipalities where name = 'Fauske'").id;
      const driving = one<{ id: number }>('select id from categories where number = 2').id;
      const member = one<{ id: number }>('select id from team_members order by id limit 1 offset 3').id;
      const caseCode = one<{ code: string }>(`select code from cases where year = ${ctx.lastYear} order by id limit 1`).code;
      const year = { from: `${ctx.lastYear}-01-01`, to: `${ctx.lastYear}-12-31` };
      const page = (input: Partial<ListInput>): ListInput => ({ page: 0, pageSize: PAGE_SIZE, ...input });
      const cases: [string, ListInput][] = [
        ['første side, nyeste først', page({})],
        ['side 2 000 (rad 200 000)', page({ page: 2_000 })],
        ['sortert på hendelse', page({ sort: { field: 'category', direction: 'asc' } })],
        ['sortert på sak', page({ sort: { field: 'caseCode', direction: 'asc' } })],
        ['filter: kommune + år', page({ filter: { municipalityId: fauske, ...year } })],
        ['filter: hendelse', page({ filter: { categoryId: driving } })],
        ['filter: teammedlem', page({ filter: { teamMemberId: member } })],
        ['filter: sak', page({ filter: { caseCode } })],
      ];
      const results: MeasureResult[] = [];
      for (const [name, input] of cases) {
        const times = await sampleAsync(async () => {
          const result = await dispatcher.dispatchAsync('time-entries:list' satisfies ChannelName, input);
          if (!result.ok) throw new Error(`time-entries:list feilet: ${result.error.code}`);
        }, RUNS);
        results.push(atMost(`time-entries:list, ${name}, p95`, percentile(times, 95), GOAL_P95_MS, formatMs));
      }
      return results;
    } finally {
      db.close();
    }
  },
};
