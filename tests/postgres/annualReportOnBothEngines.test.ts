import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_DEMO_YEAR } from '../../electron/cli/demo/profile';
import { postgresDb, type Db } from '../../electron/db/engine';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';
import { TEAM_SETTING } from '../../electron/db/postgres/roles';
import { annualReportFiles } from '../../electron/services/annualReport/generate';
import { annualReportContent } from '../../electron/services/annualReport/reportContent';
import { fixedClock, type OnAnyEngine, type ServiceContext } from '../../electron/services/context';
import { docxTables, readDocx } from '../support/annualReportFiles';
import { cliInProcess, type CliRun } from '../support/commandLine';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * Issue 19's proof for the annual report: the demo database made with a fixed seed, moved to a new server
 * database with `migrate-to-server`, gives the same annual report on the file and on the server, for every
 * year the demo covers: the whole content (every table, chart, text, the network log and the evaluations)
 * as JSON, and the tables as printed in the .docx. Read as the team's project leader on both.
 */
const LAST_YEAR = 2022;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_DEMO_YEAR + 1 }, (_, index) => FIRST_DEMO_YEAR + index);
const NOW = '2023-02-01T10:00:00.000Z';
const folder = mkdtempSync(join(tmpdir(), 'ettervern-report-engines-'));
const file = join(folder, 'demo.sqlite');
let server: TestPostgresDatabase;
let team: PostgresConnection;
let sqlite: AppDatabase;
let leader: { id: number; username: string };

function succeeded(run: CliRun): string {
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  return run.stdout;
}

beforeAll(async () => {
  succeeded(await cliInProcess(['demo', '--db', file, '--year', String(LAST_YEAR), '--seed', '3']));
  server = await freshPostgresDatabase({ migrate: false });
  const moved = JSON.parse(
    succeeded(await cliInProcess(['migrate-to-server', '--from', file, '--to', server.url, '--team', 'Ettervern Salten', '--json'])),
  ) as { team: { id: number } };
  // The owner naming the team, as `stats` allows: row-level security shows it that team's rows only.
  const url = new URL(server.url);
  url.searchParams.set('options', `-c ${TEAM_SETTING}=${moved.team.id}`);
  team = openPostgres(url.toString(), { max: 2 });
  sqlite = await openDatabase(file);
  leader = sqlite.sqlite.prepare(`select id, username from team_members where role = 'administrator' and active = 1 order by id limit 1`).get() as {
    id: number;
    username: string;
  };
}, 300_000);

afterAll(async () => {
  sqlite?.close();
  await team?.close();
  await server?.drop();
  rmSync(folder, { recursive: true, force: true });
});

function reader(db: Db): OnAnyEngine<ServiceContext> {
  const actor = { ...leader, role: 'administrator' as const };
  return { db, actor, clock: fixedClock(NOW), session: { actor } };
}

const onFile = () => reader(sqlite);
const onServer = () => reader(postgresDb(team));

describe('the annual report of the demo file and of the server it was moved to', () => {
  it.each(YEARS)('has the same content for %i, as JSON', async (year) => {
    const fromFile = JSON.stringify(await annualReportContent(onFile(), year));
    const fromServer = JSON.stringify(await annualReportContent(onServer(), year));
    expect(fromServer).toBe(fromFile);
    // Not two empty reports: the year has figures, the team's texts, the network log and the forms.
    const content = JSON.parse(fromFile) as { hasData: boolean; sections: { section: string; text: string | null; textTables: unknown[] }[] };
    expect(content.hasData).toBe(true);
    expect(content.sections.find((s) => s.section === 'team')?.text).toEqual(expect.any(String));
    expect(content.sections.find((s) => s.section === 'partners')?.textTables).toHaveLength(1);
  });

  it.each(YEARS)(
    'prints the same tables in the .docx for %i',
    async (year) => {
      const tables = async (ctx: OnAnyEngine<ServiceContext>) => docxTables((await readDocx((await annualReportFiles(ctx, year)).docx)).document);
      const fromFile = await tables(onFile());
      expect(JSON.stringify(await tables(onServer()))).toBe(JSON.stringify(fromFile));
      expect(fromFile.length).toBeGreaterThan(5);
      // Two whole reports with their charts rendered: seconds each, more on a busy machine.
    },
    240_000,
  );

  it('tells a changed team text apart: the comparison is not blind', async () => {
    const year = YEARS[0]!;
    await team.pool.query(`update annual_report_texts set text = text || ' (endret)' where year = $1 and section = 'team'`, [year]);
    try {
      expect(JSON.stringify(await annualReportContent(onServer(), year))).not.toBe(JSON.stringify(await annualReportContent(onFile(), year)));
    } finally {
      await team.pool.query(`update annual_report_texts set text = left(text, length(text) - length(' (endret)')) where year = $1 and section = 'team'`, [
        year,
      ]);
    }
  });
});
