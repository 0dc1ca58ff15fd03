import type pg from 'pg';
import { CHAIN_START, verifyChain, type ChainedAuditRow, type ChainPosition } from '../../auditChain';
import { openPostgres, type PostgresConnection } from '../connect';
import { migratePostgres } from '../migrate';
import { TEAM_SETTING } from '../roles';
import { withoutForeignKeysAndIndexes } from './bulkLoad';
import { CopyToServerError, serverFailure } from './copyError';
import { refuseUnlessPristine } from './pristineTarget';
import { openSqliteSnapshot, type SqliteSnapshot } from './sqliteSnapshot';
import { copyTable, serverDigest } from './tableCopy';
import { planTables, quoteIdent, type TablePlan } from './tablePlan';
import type { TableDigest } from './rowDigest';

export interface CopiedTable {
  readonly table: string;
  readonly rows: number;
}

export interface CopySummary {
  /** The team the file became on the server; its members have no login roles yet (see ettervern_give_login). */
  readonly team: { readonly id: number; readonly name: string };
  /** Every table in the order it was copied (foreign keys first), with its row count on both sides. */
  readonly tables: readonly CopiedTable[];
  readonly rows: number;
  /** Audit rows whose chain verified in the file before the copy and on the server after it. */
  readonly auditRows: number;
}

export interface CopyOptions {
  /** The name of the team the file becomes on the server (1–100 characters, trimmed). */
  team: string;
  /** The better-sqlite3 build to open the file with (Electron's ABI in the app). */
  nativeBinding?: string;
  /** Told after each table is written and after each is compared: a large file takes minutes. */
  onTable?: (step: CopyStep) => void;
}

export interface CopyStep {
  readonly table: string;
  readonly stage: 'copied' | 'compared';
  readonly rows: number;
}

/**
 * Moves a team's SQLite file onto a PostgreSQL database, all of it or nothing:
 *
 * 1. The file is read in one read transaction (a snapshot), refused unless it is at this version's migrations,
 *    passes quick_check, and its audit chain verifies.
 * 2. The server database is migrated, then refused if it holds anything but the migrations' seed.
 * 3. In ONE server transaction: every table, in foreign-key order, in batches, with the file's ids (foreign
 *    keys and secondary indexes rebuilt after, see bulkLoad.ts); identity sequences moved past the largest id; then the audit chain verified as read back from the server and every
 *    table compared with the snapshot row by row (a digest per table, both in primary-key order). Any
 *    difference or error rolls everything back.
 *
 * Derived figures (daily totals, each case's minutes, each entry's participant count and the participants'
 * copies of their entry) are copied as the file holds them, with the tables' own triggers switched off for
 * the copy, and compared like every other table. Letting the triggers rebuild them instead would run four
 * trigger statements per entry and rewrite each entry once per participant (minutes on a million entries),
 * and would not even give SQLite's rows back: a day whose entries were all deleted keeps a zero row there.
 * Switching triggers off is ALTER TABLE, which the database's owner may do (the role that runs the
 * migrations, as this must) without superuser rights, unlike session_replication_role; DDL is transactional,
 * so no other session ever sees a table without its triggers. The audit log keeps its guards on: its rows
 * are only inserted, and the server's own check that each carries its chain runs on every one.
 *
 * On a server shared by several teams (migration 0019) the file becomes one new team: created in the copy's
 * transaction with `ettervern_create_team(name, false)` (the file brings its own life domains and
 * populations), and every row written under it (`ettervern.team_id` set for the transaction, so each
 * `team_id` takes its default and row-level security checks it). That needs the database's owner or a
 * superuser. The members come without login roles: the file's scrypt hashes cannot become SCRAM
 * verifiers, so each gets one afterwards with `ettervern_give_login(member_id, verifier)`.
 *
 * `target` is a URL (the password in it or in PGPASSWORD) or a connection the caller keeps and closes.
 */
export async function copySqliteToPostgres(sqlitePath: string, target: string | PostgresConnection, options: CopyOptions): Promise<CopySummary> {
  const teamName = checkedTeamName(options.team);
  const snapshot = openSqliteSnapshot(sqlitePath, options.nativeBinding);
  let connection: PostgresConnection | null = null;
  try {
    if (typeof target === 'string') {
      connection = openPostgres(target, { max: 1 });
    } else {
      connection = target;
    }
    try {
      await refuseUnlessOwner(connection.pool);
    } catch (error) {
      throw serverFailure(error, 'før kopieringen begynte');
    }
    try {
      await migratePostgres(connection.kysely);
    } catch (error) {
      throw serverFailure((error as { cause?: unknown }).cause ?? error, 'da databasen på serveren skulle oppgraderes');
    }
    let client: pg.PoolClient;
    try {
      client = await connection.pool.connect();
    } catch (error) {
      throw serverFailure(error, 'før kopieringen begynte');
    }
    // A connection lost between two queries is reported on the client, not on a query: heard here, it fails
    // the next query (and so the copy) instead of ending the process.
    const ignoreLostConnection = () => undefined;
    client.on('error', ignoreLostConnection);
    try {
      return await copyInOneTransaction(snapshot, client, teamName, options.onTable);
    } finally {
      client.off('error', ignoreLostConnection);
      client.release();
    }
  } finally {
    snapshot.close();
    if (connection && typeof target === 'string') await connection.close();
  }
}

/** A team's name as the server takes it (ettervern_create_team checks the same), refused in Norwegian before anything is opened. */
function checkedTeamName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw new CopyToServerError('Teamnavnet må ha 1–100 tegn. Ingenting er kopiert.');
  return trimmed;
}

/** Only the database's owner or a superuser may create a team and fill it (ettervern_current_team reads the setting only for them). */
async function refuseUnlessOwner(client: pg.Pool | pg.ClientBase): Promise<void> {
  const result = await client.query<{ allowed: boolean }>(
    `select session_user = (select pg_get_userbyid(datdba) from pg_database where datname = current_database())
         or (select rolsuper from pg_roles where rolname = session_user) as allowed`,
  );
  if (!result.rows[0]!.allowed) {
    throw new CopyToServerError('Flyttingen må kjøres som eieren av databasen på serveren (eller en superbruker). Ingenting er endret.');
  }
}

async function copyInOneTransaction(snapshot: SqliteSnapshot, client: pg.PoolClient, teamName: string, onTable: CopyOptions['onTable']): Promise<CopySummary> {
  let stage = 'før kopieringen begynte';
  try {
    await client.query('begin');
    const plans = await planTables(client, snapshot.tables);
    // Nobody writes to the target, or makes a team in it, while it is checked and filled; readers wait for nothing.
    await client.query(`lock table teams, ${plans.map((plan) => quoteIdent(plan.name)).join(', ')} in exclusive mode`);
    const seeded = await refuseUnlessPristine(client, plans);
    stage = 'da teamet skulle opprettes';
    const team = (await client.query<{ id: number }>('select ettervern_create_team($1, false) as id', [teamName])).rows[0]!.id;
    await client.query('select set_config($1, $2, true)', [TEAM_SETTING, String(team)]);

    const withTriggers = plans.filter((plan) => plan.hasTriggers && plan.name !== 'audit_log');
    for (const plan of withTriggers) await client.query(`alter table ${quoteIdent(plan.name)} disable trigger user`);
    for (const plan of [...seeded].reverse()) await client.query(`delete from ${quoteIdent(plan.name)}`);

    const sqliteDigests = new Map<string, TableDigest>();
    await withoutForeignKeysAndIndexes(client, async () => {
      for (const plan of plans) {
        stage = `i tabellen ${plan.name}`;
        const digest = await copyTable(snapshot.sqlite, client, plan);
        sqliteDigests.set(plan.name, digest);
        onTable?.({ table: plan.name, stage: 'copied', rows: digest.rows });
      }
      stage = 'da indeksene og fremmednøklene ble bygget opp igjen';
    });
    stage = 'da tabellene var kopiert';
    for (const plan of withTriggers) await client.query(`alter table ${quoteIdent(plan.name)} enable trigger user`);
    for (const plan of plans) await moveIdentityPastCopiedIds(client, plan);

    const tables = await compareWithSnapshot(client, plans, sqliteDigests, snapshot.auditRows, onTable);
    stage = 'da kopien skulle lagres';
    await client.query('commit');
    return { team: { id: team, name: teamName }, tables, rows: tables.reduce((sum, table) => sum + table.rows, 0), auditRows: snapshot.auditRows };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw serverFailure(error, stage);
  }
}

/** The next id the server hands out comes after the largest copied one (or starts at 1 in an empty table). */
async function moveIdentityPastCopiedIds(client: pg.ClientBase, plan: TablePlan): Promise<void> {
  if (plan.identity === null) return;
  const column = quoteIdent(plan.identity);
  await client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce(max(${column}), 1), max(${column}) is not null) from ${quoteIdent(plan.name)}`, [
    quoteIdent(plan.name),
    plan.identity,
  ]);
}

/**
 * Reads every table back inside the transaction and compares it with the file's, and walks the audit chain
 * as the server now holds it. A difference names the table, never a row.
 */
async function compareWithSnapshot(
  client: pg.ClientBase,
  plans: readonly TablePlan[],
  sqliteDigests: ReadonlyMap<string, TableDigest>,
  auditRows: number,
  onTable: CopyOptions['onTable'],
): Promise<CopiedTable[]> {
  const tables: CopiedTable[] = [];
  for (const plan of plans) {
    const walk = plan.name === 'audit_log' ? new ChainWalk(plan) : null;
    const server = await serverDigest(client, plan, walk ? (rows) => walk.page(rows) : undefined);
    const file = sqliteDigests.get(plan.name)!;
    if (server.rows !== file.rows || server.finish() !== file.finish()) {
      throw new CopyToServerError(`Tabellen ${plan.name} ble ikke lik på serveren som i databasefilen. Ingenting er lagret på serveren.`);
    }
    if (walk && (!walk.ok || walk.position.rows !== auditRows)) {
      throw new CopyToServerError('Revisjonsloggen kontrollerte ikke på serveren etter kopieringen. Ingenting er lagret på serveren.');
    }
    tables.push({ table: plan.name, rows: server.rows });
    onTable?.({ table: plan.name, stage: 'compared', rows: server.rows });
  }
  return tables;
}

/** The audit chain walked page by page as the server returns it (verifyChain, continued from each page's end). */
class ChainWalk {
  position: ChainPosition = CHAIN_START;
  ok = true;
  private readonly columns: string[];

  constructor(plan: TablePlan) {
    this.columns = plan.columns.map((column) => column.name);
  }

  page(rows: readonly unknown[][]): void {
    if (!this.ok || rows.length === 0) return;
    const named = rows.map((row) => Object.fromEntries(this.columns.map((name, index) => [name, row[index]])) as ChainedAuditRow);
    const verdict = verifyChain(named, this.position);
    if (!verdict.ok) {
      this.ok = false;
      return;
    }
    this.position = { hash: named.at(-1)!.hash!, rows: verdict.rows };
  }
}
