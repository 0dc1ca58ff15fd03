import type { ChannelInput, ChannelName } from '@shared/contract';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/db/open';
import type { Dispatcher } from '../../../electron/services/dispatcher';
import { CASE_BENCH_CASES, CASE_BENCH_LAST_YEAR, ensureCaseBenchDatabase } from '../buildCaseDatabase';
import { formatMs, median, percentile, sampleAsync } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { readerDispatcher, type BenchMeasure } from './context';

const RUNS = { warmup: 3, runs: 30 };
/** A page of the case list answers while the user types or clicks a header. */
const PAGE_GOAL_MS = 50;
/** The whole list (the time sheet's case picker, the demo) and the landing page, once per visit. */
const FULL_GOAL_MS = 100;
/** One case page. */
const CASE_GOAL_MS = 20;

async function call<C extends ChannelName>(dispatcher: Dispatcher, channel: C, input: ChannelInput<C>): Promise<void> {
  const result = await dispatcher.dispatchAsync(channel, input);
  if (!result.ok) throw new Error(`${channel} feilet: ${result.error.code}`);
}

/**
 * The case list, the case page and Oversikt on 5,000 cases with full lifecycle data, through the
 * dispatcher (validation and all). p95 over the runs; the median is shown beside it. Opening a case page
 * writes its audit row, so the measure runs on a copy of the cached database (closed, so a file copy is safe).
 */
export const caseListMeasure: BenchMeasure = {
  name: 'Saksliste og Oversikt',
  async run(ctx): Promise<MeasureResult[]> {
    const { path, buildMs } = await ensureCaseBenchDatabase(ctx.log);
    const dir = mkdtempSync(join(tmpdir(), 'ettervern-bench-cases-'));
    const copy = join(dir, 'cases.sqlite');
    copyFileSync(path, copy);
    const db = await openDatabase(copy);
    try {
      const dispatcher = readerDispatcher(db);
      const count = (sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;
      const ids = (db.sqlite.prepare('select id from cases order by id').all() as { id: number }[]).map((r) => r.id);
      const staffId = (db.sqlite.prepare('select team_member_id as id from case_staff group by team_member_id order by count(*) desc').get() as { id: number })
        .id;
      const fauske = (db.sqlite.prepare("select id from municipalities where name = 'Fauske'").get() as { id: number }).id;

      const cases: [string, number, (run: number) => Promise<void>][] = [
        ['cases:page, første side', PAGE_GOAL_MS, () => call(dispatcher, 'cases:page', {})],
        [
          'cases:page, side 40 sortert på kommune',
          PAGE_GOAL_MS,
          () => call(dispatcher, 'cases:page', { page: 40, sort: { field: 'municipality', direction: 'asc' } }),
        ],
        [
          'cases:page, side 40 sortert på timer',
          PAGE_GOAL_MS,
          () => call(dispatcher, 'cases:page', { page: 40, sort: { field: 'minutes', direction: 'desc' } }),
        ],
        [
          'cases:page, filtrert (status, kommune, år, ansatt)',
          PAGE_GOAL_MS,
          () =>
            call(dispatcher, 'cases:page', { filter: { status: 'etteroppfolging_utfort', municipalityId: fauske, year: CASE_BENCH_LAST_YEAR - 1, staffId } }),
        ],
        ['cases:page, søk på «/24-»', PAGE_GOAL_MS, () => call(dispatcher, 'cases:page', { filter: { search: '/24-' } })],
        [`cases:list, alle ${CASE_BENCH_CASES.toLocaleString('nb-NO')}`, FULL_GOAL_MS, () => call(dispatcher, 'cases:list', {})],
        ['overview:get', FULL_GOAL_MS, () => call(dispatcher, 'overview:get', {})],
        ['cases:get, tilfeldig sak', CASE_GOAL_MS, (run) => call(dispatcher, 'cases:get', { id: ids[(run * 7919) % ids.length]! })],
      ];

      const results: MeasureResult[] = [
        info('Bygging av saksdatabasen', buildMs === null ? 'fra hurtigbuffer' : formatMs(buildMs)),
        info(
          'Saker / overganger / mål / vurderinger / koblinger',
          [
            'select count(*) as n from cases',
            'select count(*) as n from case_transitions',
            'select count(*) as n from case_goals',
            'select count(*) as n from case_domain_ratings',
            'select count(*) as n from case_contacts',
          ]
            .map((q) => count(q).toLocaleString('nb-NO'))
            .join(' / '),
        ),
      ];
      for (const [label, goal, work] of cases) {
        const times = await sampleAsync(work, RUNS);
        results.push(atMost(`${label}, p95 (median ${formatMs(median(times))})`, percentile(times, 95), goal, formatMs));
      }
      return results;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
