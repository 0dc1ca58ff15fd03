import Database from 'better-sqlite3';
import { benchFilePrefix, BENCH_CACHE_DIR, SCALE_1M } from '../buildDatabase';
import { formatMs } from '../measure';
import { ensureBenchServer, type BenchServer } from '../postgresBenchServer';
import { info, type MeasureResult } from '../report';
import { postgresBinDir } from '../../support/postgresServer';
import type { BenchContext, BenchMeasure } from './context';

/**
 * What the PostgreSQL measures share in one run: one server with the 1M database (postgresBenchServer.ts), started
 * by the first of them that runs and stopped when the run ends. Without the server binaries the measures are
 * skipped with a line saying so, not failed. `npm run bench -- postgres` runs only them; `--uten postgres` leaves them out.
 */
export type SharedServer = { server: BenchServer; firstLines: MeasureResult[] } | { skipped: MeasureResult[] };

let shared: Promise<SharedServer> | null = null;

function sharedBenchServer(ctx: BenchContext): Promise<SharedServer> {
  shared ??= start(ctx);
  return shared;
}

async function start(ctx: BenchContext): Promise<SharedServer> {
  try {
    postgresBinDir();
  } catch {
    return { skipped: [info('PostgreSQL', 'hoppet over: fant ikke PostgreSQL-serveren (pakken postgresql, eller ETTERVERN_PG_BIN)')] };
  }
  const sqlite = new Database(ctx.cachedDatabase, { readonly: true });
  const entries = (sqlite.prepare('select count(*) as n from time_entries').get() as { n: number }).n;
  sqlite.close();
  const start = performance.now();
  const server = await ensureBenchServer(BENCH_CACHE_DIR, ctx.cachedDatabase, benchFilePrefix(SCALE_1M), entries, ctx.log);
  const startMs = performance.now() - start;
  ctx.atEnd(() => server.stop());
  return {
    server,
    firstLines: [
      info(
        'PostgreSQL: 1M-databasen på serveren',
        server.buildMs === null ? `fra hurtigbuffer, startet på ${formatMs(startMs)}` : `kopiert og analysert på ${formatMs(server.buildMs)}`,
      ),
    ],
  };
}

/**
 * A measure of the group: `measure` runs on the shared server; the first measure's lines start with how the server
 * started, or are (instead of any figure) why it was skipped.
 */
export function postgresMeasure(name: string, measure: (server: BenchServer, ctx: BenchContext) => Promise<MeasureResult[]>): BenchMeasure {
  return {
    name,
    async run(ctx) {
      const shared = await sharedBenchServer(ctx);
      const lines = openingLines(shared);
      if ('skipped' in shared) return lines;
      return [...lines, ...(await measure(shared.server, ctx))];
    },
  };
}

function openingLines(shared: SharedServer): MeasureResult[] {
  if ('skipped' in shared) return shared.skipped.splice(0);
  return shared.firstLines.splice(0);
}
