import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { hashPassword } from '../../electron/services/session/passwords';
import { BENCH_DATABASE, benchServerFolderName, ensureBenchServer, postgresMajorVersion, WRITER_MEMBERS } from '../bench/postgresBenchServer';
import { checkSavedEntries, entryPlan, signIn, withWritableCopy, writers } from '../bench/postgresWriting';
import { createTimeEntry } from '../../electron/services/timeEntries/write';
import { PostgresDataInUseError, startPostgresServer } from '../support/postgresServer';

/**
 * The bench's PostgreSQL server kept between runs: a data folder that outlives its server, started again with new
 * passwords, never started twice at once, and a cached bench server that is reused, or rebuilt when broken.
 */
const folder = mkdtempSync(join(tmpdir(), 'ettervern-pgcache-'));
// Run as root, the server runs as its own user, who must reach the data folder (as it reaches .bench-cache/).
chmodSync(folder, 0o755);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function scalar(url: string, text: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query(text)).rows[0] as object | undefined;
    return row ? Object.values(row)[0] : undefined;
  } finally {
    await client.end();
  }
}

/** A small team file at this version's migrations: two members, three entries, a case, no audit rows (a chain that verifies). */
async function teamFile(path: string): Promise<void> {
  const db = await openDatabase(path);
  const now = '2024-03-01T10:00:00.000Z';
  const member = db.sqlite.prepare('insert into team_members (username, display_name, initials, role, created_at, password_hash) values (?, ?, ?, ?, ?, ?)');
  member.run('benk.leder', 'Benk Leder', 'BL', 'administrator', now, hashPassword('ikke-brukt', { N: 16, r: 1, p: 1 }));
  member.run('benk01', 'Benk En', 'BEN', 'teammedlem', now, null);
  const entry = db.sqlite.prepare(
    "insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, updated_at) values (?, null, 1, 1, ?, 'manual', ?, ?)",
  );
  for (const [date, minutes] of [
    ['2024-02-01', 60],
    ['2024-02-01', 30],
    ['2024-02-02', 90],
  ] as const)
    entry.run(date, minutes, now, now);
  // A case of the last bench year, for the write measures to log time on.
  db.sqlite
    .prepare(
      "insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at) values ('01/25-T', 1, 2025, 1, 'oppfolging', '2025-01-02', ?, ?)",
    )
    .run(now, now);
  db.close();
}

describe('a PostgreSQL server on a kept data folder', () => {
  it('keeps the data after stop, and sets a new password at every start', async () => {
    const dataDir = join(folder, 'kept');
    const first = await startPostgresServer({ dataDir });
    await scalar(first.url, 'create table kept (n integer)');
    await scalar(first.url, 'insert into kept values (42)');
    const oldUrl = first.url;
    await first.stop();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const second = await startPostgresServer({ dataDir, durable: true });
    try {
      expect(await scalar(second.url, 'select n from kept')).toBe(42);
      expect(await scalar(second.url, "select current_setting('fsync')")).toBe('on');
      expect(await scalar(second.url, "select current_setting('synchronous_commit')")).toBe('on');
      const stale = new URL(oldUrl);
      stale.port = String(second.port);
      await expect(scalar(stale.toString(), 'select 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('refuses to start a second server on a folder one is running on, and leaves the folder as it was', async () => {
    const dataDir = join(folder, 'busy');
    const running = await startPostgresServer({ dataDir });
    try {
      await scalar(running.url, 'create table busy (n integer)');
      await expect(startPostgresServer({ dataDir })).rejects.toBeInstanceOf(PostgresDataInUseError);
      expect(await scalar(running.url, "select count(*) from pg_tables where tablename = 'busy'")).toBe('1');
    } finally {
      await running.stop();
    }
  }, 120_000);
});

describe('the cached bench server', () => {
  const cacheDir = join(folder, 'cache');
  const sqlitePath = join(folder, 'bench-3-mtest-g1.sqlite');
  const noLog = () => undefined;

  it('is built from the SQLite file, used again as it is, and rebuilt when broken', async () => {
    await teamFile(sqlitePath);
    const built = await ensureBenchServer(cacheDir, sqlitePath, 'bench-3-', 3, noLog);
    const cached = join(cacheDir, benchServerFolderName(sqlitePath, postgresMajorVersion()));
    try {
      expect(built.buildMs).not.toBeNull();
      // The file's members, then the writers the write measures sign in as, each with a login role.
      expect(built.members.map((m) => m.username).slice(0, 3)).toEqual(['benk.leder', 'benk01', 'maaling01']);
      expect(built.members.length).toBe(2 + WRITER_MEMBERS);
      // A member signs in with their own role and sees the team's entries through row-level security.
      expect(await scalar(built.memberUrl('benk01'), 'select count(*) from time_entries')).toBe('3');
      expect(await scalar(built.adminUrl, "select count(*) from pg_stat_user_tables where relname = 'time_entries' and last_analyze is not null")).toBe('1');
    } finally {
      await built.stop();
    }
    expect(readdirSync(cacheDir)).toEqual([basename(cached)]);

    const reused = await ensureBenchServer(cacheDir, sqlitePath, 'bench-3-', 3, noLog);
    try {
      expect(reused.buildMs).toBeNull();
      expect(await scalar(reused.memberUrl('benk01', BENCH_DATABASE), 'select count(*) from time_entries')).toBe('3');
    } finally {
      await reused.stop();
    }

    // A cache that no longer holds what the file has (an entry gone) is built again, as is one that will not start.
    const edited = await startPostgresServer({ dataDir: cached });
    await scalar(edited.urlFor(BENCH_DATABASE), "delete from time_entries where entry_date = '2024-02-02'");
    await edited.stop();
    const afterEdit = await ensureBenchServer(cacheDir, sqlitePath, 'bench-3-', 3, noLog);
    try {
      expect(afterEdit.buildMs).not.toBeNull();
      expect(await scalar(afterEdit.memberUrl('benk01'), 'select count(*) from time_entries')).toBe('3');
    } finally {
      await afterEdit.stop();
    }
    writeFileSync(join(cached, 'global', 'pg_control'), 'ødelagt');
    const rebuilt = await ensureBenchServer(cacheDir, sqlitePath, 'bench-3-', 3, noLog);
    try {
      expect(rebuilt.buildMs).not.toBeNull();
      expect(await scalar(rebuilt.adminUrl, 'select count(*) from time_entries')).toBe('3');
    } finally {
      await rebuilt.stop();
    }
  }, 300_000);
});

describe('the write measures on the cached bench server', () => {
  const cacheDir = join(folder, 'cache');
  const sqlitePath = join(folder, 'bench-3-mtest-g1.sqlite');

  it('write to a copy that is dropped after, and find a lost save or a wrong daily total', async () => {
    const server = await ensureBenchServer(cacheDir, sqlitePath, 'bench-3-', 3, () => undefined);
    try {
      const team = writers(server);
      expect(team.length).toBe(WRITER_MEMBERS);
      let copyUrl = '';
      await withWritableCopy(server, async (copy) => {
        copyUrl = copy.adminUrl;
        const writer = signIn(copy, team[0]!, 2025);
        const other = signIn(copy, team[1]!, 2025);
        try {
          const plan = await entryPlan(copy, 2025);
          const saved: number[] = [];
          for (let run = 0; run < 3; run++) saved.push((await createTimeEntry(writer.ctx, plan(writer, run, 0))).id);
          saved.push((await createTimeEntry(other.ctx, plan(other, 0, 7))).id);
          const ids = [team[0]!.id, team[1]!.id];
          expect(await checkSavedEntries(copy, ids, saved)).toEqual({ exactlyOnce: true, found: 4, totalsDiffer: 0 });
          // A save reported but not there, one there but not reported, or one reported twice is not «exactly once».
          expect((await checkSavedEntries(copy, ids, [...saved, 999_999])).exactlyOnce).toBe(false);
          expect((await checkSavedEntries(copy, ids, saved.slice(1))).exactlyOnce).toBe(false);
          expect((await checkSavedEntries(copy, ids, [...saved, saved[0]!])).exactlyOnce).toBe(false);
          await scalar(copy.adminUrl, "update time_totals_daily set minutes = minutes + 1 where entries > 0 and entry_date >= '2025-01-01'");
          expect((await checkSavedEntries(copy, ids, saved)).totalsDiffer).toBeGreaterThan(0);
        } finally {
          await writer.connection.close();
          await other.connection.close();
        }
      });
      const name = new URL(copyUrl).pathname.slice(1);
      expect(await scalar(server.server.url, `select count(*) from pg_database where datname = '${name}'`)).toBe('0');
      expect(await scalar(server.adminUrl, 'select count(*) from time_entries')).toBe('3');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
