import { pivotQuerySchema } from '@shared/contract/statistics/pivot';
import { yearRange } from '@shared/dates';
import { postgresDb } from '../../../electron/db/engine';
import { openDatabase } from '../../../electron/db/open';
import { openPostgres } from '../../../electron/db/postgres/connect';
import { annualPivot } from '../../../electron/services/statistics/annualPivot';
import { pivot } from '../../../electron/services/statistics/pivot';
import { formatMs, median, percentile, sampleInterleavedAsync } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { postgresMeasure } from './postgresGroup';

const RUNS = { warmup: 5, runs: 40 };
const GOAL_MS = 100;

/**
 * The annual pivot of the 1M database on the PostgreSQL server: statistics:annual and the Statistikk page's
 * statistics:pivot (municipality × category, hours) for one full year, through the services as the app calls
 * them, signed in as a team member's own login role (row-level security on, as the app runs). Timed in turn with
 * a bare count(*) of the year's entries on the server and the same statistics:annual on the SQLite file, so the
 * three compare under the same load. The figures must be the same on both engines.
 */
export const postgresPivotMeasure = postgresMeasure('PostgreSQL: pivot for året', async (server, ctx): Promise<MeasureResult[]> => {
  const member = server.members.find((m) => m.role === 'teammedlem') ?? server.members[0]!;
  const year = ctx.lastYear - 1;
  const { from, to } = yearRange(year);
  const connection = openPostgres(server.memberUrl(member.username), { max: 2 });
  connection.pool.on('error', () => undefined);
  const sqlite = await openDatabase(ctx.cachedDatabase, { readonly: true });
  try {
    const db = postgresDb(connection);
    const pivotQuery = pivotQuerySchema.parse({ period: { year }, rows: 'municipality', columns: 'category', measure: 'hours' });
    let rows = 0;
    const { annual, statisticsPivot, count, sqliteAnnual } = await sampleInterleavedAsync(
      {
        annual: () => annualPivot({ db }, { year }),
        statisticsPivot: () => pivot({ db }, pivotQuery),
        count: async () => {
          const result = await connection.pool.query<{ n: number }>('select count(*) as n from time_entries where entry_date between $1 and $2', [from, to]);
          rows = result.rows[0]!.n;
        },
        sqliteAnnual: () => annualPivot({ db: sqlite }, { year }),
      },
      RUNS,
    );
    const [onServer, onFile] = await Promise.all([annualPivot({ db }, { year }), annualPivot({ db: sqlite }, { year })]);
    const same = JSON.stringify(onServer) === JSON.stringify(onFile);
    const countMedian = median(count);
    const annualMedian = median(annual);
    const times = (n: number) => `${n.toLocaleString('nb-NO', { maximumFractionDigits: 1 })}×`;
    return [
      info(`PostgreSQL: registreringer i ${year} (som ${member.role}, radsikkerhet på)`, rows.toLocaleString('nb-NO')),
      atMost(`PostgreSQL: statistics:annual ${year}, median (${RUNS.runs} kjøringer)`, annualMedian, GOAL_MS, formatMs),
      atMost(`PostgreSQL: statistics:annual ${year}, p95`, percentile(annual, 95), GOAL_MS, formatMs),
      atMost(`PostgreSQL: statistics:pivot kommune × hendelse, timer, ${year}, median`, median(statisticsPivot), GOAL_MS, formatMs),
      atMost(`PostgreSQL: statistics:pivot ${year}, p95`, percentile(statisticsPivot, 95), GOAL_MS, formatMs),
      info(`PostgreSQL: count(*) for ${year}, median`, formatMs(countMedian)),
      info('PostgreSQL: statistics:annual / count(*), median', times(annualMedian / countMedian)),
      info(`SQLite (samme kjøring): statistics:annual ${year}, median`, formatMs(median(sqliteAnnual))),
      { measure: `PostgreSQL: statistics:annual ${year} gir samme tall som SQLite-filen`, value: same ? 'ja' : 'nei', goal: 'ja', pass: same },
    ];
  } finally {
    sqlite.close();
    await connection.close();
  }
});
