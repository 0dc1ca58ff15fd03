import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import pg from 'pg';
import { copySqliteToPostgres } from '../../electron/db/postgres/copyFromSqlite/copySqliteToPostgres';
import { POSTGRES_MIGRATIONS } from '../../electron/db/postgres/migrations';
import { TEAM_SETTING } from '../../electron/db/postgres/roles';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';
import { PostgresDataInUseError, postgresBinDir, startPostgresServer, type PostgresServer } from '../support/postgresServer';
import { schemaKey } from './cachedDatabase';

/**
 * The 1M bench database on a PostgreSQL server of its own on loopback, for the PostgreSQL measures. The first
 * run copies the cached SQLite file onto a new server with `copySqliteToPostgres` (the path `migrate-to-server`
 * takes; a minute or two), gives the team's members their own login roles, analyses the tables and keeps the
 * server's data folder in `.bench-cache/`. Later runs start a server on that folder in seconds. The folder is
 * named by the SQLite file it came from (its scale, schema and generator), by every PostgreSQL migration's
 * name and by the server's major version, so any of those changing builds a new one; one that will not start
 * or does not hold what it should is built again.
 */
export interface BenchServer {
  readonly server: PostgresServer;
  /** The bench team's database as the superuser (who passes row-level security: for counts and checks only). */
  readonly adminUrl: string;
  readonly team: number;
  /** Every member of the team with a login role of their own, in id order. */
  readonly members: readonly BenchMember[];
  /** The database signed in as a member's own login role, as the app connects. */
  memberUrl(username: string, database?: string): string;
  /** How long building the cache took, or null when it was used as it was. */
  readonly buildMs: number | null;
  stop(): Promise<void>;
}

export interface BenchMember {
  readonly id: number;
  readonly username: string;
  readonly role: string;
}

/** The bench team's database on the server. */
export const BENCH_DATABASE = 'ettervern';
const TEAM_NAME = 'Benk';

/** The cached data folder's name: the SQLite file's own name, every PostgreSQL migration's, the server's major version. */
export function benchServerFolderName(sqlitePath: string, postgresMajor: number, migrationNames: readonly string[] = Object.keys(POSTGRES_MIGRATIONS)): string {
  return `pg-${basename(sqlitePath, '.sqlite')}-${schemaKey(migrationNames)}-v${postgresMajor}`;
}

/** The major version of the server binaries that will run (a data folder belongs to one major version). */
export function postgresMajorVersion(bin: string = postgresBinDir()): number {
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' });
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1];
  if (!major) throw new Error(`Ukjent PostgreSQL-versjon: ${version.trim()}`);
  return Number(major);
}

function withLogin(url: string, username: string, password: string, database: string): string {
  const next = new URL(url);
  next.username = username;
  next.password = password;
  next.pathname = `/${database}`;
  return next.toString();
}

/** One statement on a connection of its own, closed after. */
export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts the bench server on the cached data folder for `sqlitePath` (`prefix`: the start every cached folder of
 * this scale shares), building it first when it is missing or broken. `expectedEntries` is the SQLite file's
 * count of time entries: a cache that holds another count is broken.
 */
export async function ensureBenchServer(
  cacheDir: string,
  sqlitePath: string,
  prefix: string,
  expectedEntries: number,
  log: (line: string) => void,
): Promise<BenchServer> {
  const folder = join(cacheDir, benchServerFolderName(sqlitePath, postgresMajorVersion()));
  let buildMs: number | null = null;
  if (!existsSync(folder)) buildMs = await buildCache(cacheDir, folder, sqlitePath, prefix, log);
  try {
    return await startCached(folder, expectedEntries, buildMs);
  } catch (error) {
    // Another bench run is using the folder: wait for it rather than destroy its server's data.
    if (error instanceof PostgresDataInUseError || buildMs !== null) throw error;
    log(`PostgreSQL-hurtigbufferen ${basename(folder)} kunne ikke brukes (${error instanceof Error ? error.message : String(error)}); bygger på nytt.`);
    rmSync(folder, { recursive: true, force: true });
    buildMs = await buildCache(cacheDir, folder, sqlitePath, prefix, log);
    return startCached(folder, expectedEntries, buildMs);
  }
}

/** Starts a server on the cached folder (durable, as a real server commits), new passwords for every login, and checks what it holds. */
async function startCached(folder: string, expectedEntries: number, buildMs: number | null): Promise<BenchServer> {
  const server = await startPostgresServer({ dataDir: folder, durable: true });
  try {
    const adminUrl = server.urlFor(BENCH_DATABASE);
    const teams = await query<{ id: number }>(adminUrl, 'select id from teams order by id');
    const entries = (await query<{ entries: string }>(adminUrl, 'select count(*) as entries from time_entries'))[0]!.entries;
    if (teams.length !== 1 || Number(entries) !== expectedEntries) {
      throw new Error(`fant ${teams.length} team og ${entries} registreringer, ventet 1 team og ${expectedEntries}`);
    }
    await addWriterMembers(adminUrl, teams[0]!.id);
    const members = await query<BenchMember>(
      adminUrl,
      `select m.id, m.username, m.role from team_members m join team_member_roles r on r.team_member_id = m.id order by m.id`,
    );
    if (members.length === 0) throw new Error('ingen teammedlemmer med egen pålogging');
    // Like the superuser's, the members' passwords are new at every start and never stored: sent as verifiers.
    const password = randomBytes(18).toString('base64url');
    const verifier = scramVerifier(password);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const member of members) await client.query(`alter role ${client.escapeIdentifier(member.username)} password ${client.escapeLiteral(verifier)}`);
    } finally {
      await client.end();
    }
    return {
      server,
      adminUrl,
      team: teams[0]!.id,
      members,
      memberUrl: (username, database = BENCH_DATABASE) => withLogin(server.url, username, password, database),
      buildMs,
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Copies the SQLite file onto a new server in a temporary folder, then renames it into place; older folders of the scale go. */
async function buildCache(cacheDir: string, folder: string, sqlitePath: string, prefix: string, log: (line: string) => void): Promise<number> {
  const start = performance.now();
  const building = `${folder}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  // Made here with the usual permissions: the server's own user (not root) must reach the data folder inside.
  mkdirSync(cacheDir, { recursive: true });
  try {
    // Loading is not what is measured: the server runs without fsync while it is filled, and is stopped cleanly after.
    const server = await startPostgresServer({ dataDir: building });
    try {
      await query(server.url, `create database ${BENCH_DATABASE}`);
      const adminUrl = server.urlFor(BENCH_DATABASE);
      log(`Kopierer ${basename(sqlitePath)} til PostgreSQL (copySqliteToPostgres) …`);
      const copied = await copySqliteToPostgres(sqlitePath, adminUrl, {
        team: TEAM_NAME,
        onTable: (step) => {
          if (step.stage === 'copied' && step.rows >= 100_000) log(`  ${step.table}: ${step.rows.toLocaleString('nb-NO')} rader`);
        },
      });
      log(`  ${copied.rows.toLocaleString('nb-NO')} rader kopiert og kontrollert; pålogging for teammedlemmene, ANALYZE …`);
      await giveLogins(adminUrl, copied.team.id);
      // VACUUM as well as ANALYZE: autovacuum would do both soon after a bulk load on a real server; done here,
      // every run measures the same tables (statistics, and the visibility map index-only scans depend on).
      await query(adminUrl, 'vacuum (analyze)');
    } finally {
      await server.stop();
    }
    renameSync(building, folder);
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (name.startsWith(`pg-${prefix}`) && path !== folder && !name.endsWith('.tmp')) rmSync(path, { recursive: true, force: true });
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return performance.now() - start;
}

/** The members the write measures sign in as: new colleagues with no time logged yet, so no day of theirs is full. */
export const WRITER_MEMBERS = 20;
export const WRITER_PREFIX = 'maaling';

/**
 * Adds the writers (`maaling01` …) to the team unless they are there, as the server's administrator adds members
 * (ettervern_add_member, each with a login role); kept in the cache from then on. The measures write only to a
 * copy of the database, so the team's own data stays as copied.
 */
async function addWriterMembers(adminUrl: string, team: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const present = new Set((await client.query<{ username: string }>('select username from team_members')).rows.map((r) => r.username));
    for (let i = 1; i <= WRITER_MEMBERS; i++) {
      const username = `${WRITER_PREFIX}${String(i).padStart(2, '0')}`;
      if (present.has(username)) continue;
      const initials = `M${String.fromCharCode(65 + Math.floor((i - 1) / 26))}${String.fromCharCode(65 + ((i - 1) % 26))}`;
      await client.query(`select ettervern_add_member($1, $2, $3, $4, $5, 'teammedlem')`, [
        team,
        username,
        `Måling ${i}`,
        initials,
        scramVerifier(randomBytes(18).toString('base64url')),
      ]);
    }
  } finally {
    await client.end();
  }
}

/**
 * A login role for every active member the file brought (they come without one: see copySqliteToPostgres), as the
 * owner gives them, in the team its session names. The verifier is of a password thrown away at once:
 * every start sets new ones.
 */
async function giveLogins(adminUrl: string, team: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('select set_config($1, $2, false)', [TEAM_SETTING, String(team)]);
    const members = await client.query<{ id: number }>('select id from team_members where active = 1 order by id');
    for (const { id } of members.rows) {
      await client.query('select ettervern_give_login($1, $2)', [id, scramVerifier(randomBytes(18).toString('base64url'))]);
    }
  } finally {
    await client.end();
  }
}
