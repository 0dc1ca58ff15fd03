import type Database from 'better-sqlite3';
import type pg from 'pg';
import { TableDigest } from './rowDigest';
import { quoteIdent, type TablePlan } from './tablePlan';

/**
 * A batch is one INSERT … SELECT FROM unnest(one array per column): a handful of parameters whatever the
 * row count, so the server parses one statement per batch, not one per row. Rows and bytes are both capped,
 * so memory stays bounded for a million time entries and for document templates of several megabytes alike.
 */
const BATCH_ROWS = 10_000;
const BATCH_BYTES = 16 * 1024 * 1024;
/** Rows fetched per round trip when a table is read back from the server. */
const FETCH_ROWS = 10_000;

/** SQLite's select of a table's columns in the plan's order, by primary key (text by bytes, SQLite's default). */
export function sqliteSelect(sqlite: Database.Database, plan: TablePlan): Database.Statement {
  const columns = plan.columns.map((column) => quoteIdent(column.name)).join(', ');
  const order = plan.primaryKey.map((column) => quoteIdent(column.name)).join(', ');
  return sqlite.prepare(`select ${columns} from ${quoteIdent(plan.name)} order by ${order}`).raw(true);
}

/** The server's select of the same columns in the same order: text keys compared by bytes (`collate "C"`), as SQLite does. */
export function serverSelect(plan: TablePlan, limit?: number): string {
  const columns = plan.columns.map((column) => quoteIdent(column.name)).join(', ');
  const order = plan.primaryKey.map((column) => `${quoteIdent(column.name)}${column.isText ? ' collate "C"' : ''}`).join(', ');
  return `select ${columns} from ${quoteIdent(plan.name)} order by ${order}${limit === undefined ? '' : ` limit ${limit}`}`;
}

function insertStatement(plan: TablePlan): string {
  const columns = plan.columns.map((column) => quoteIdent(column.name)).join(', ');
  const arrays = plan.columns.map((column, index) => `$${index + 1}::${column.serverType}[]`).join(', ');
  // The ids are the file's own: an identity column takes them as given (its sequence is moved afterwards).
  return `insert into ${quoteIdent(plan.name)} (${columns}) overriding system value select * from unnest(${arrays})`;
}

function approximateBytes(value: unknown): number {
  if (typeof value === 'string') return value.length * 2;
  if (value instanceof Uint8Array) return value.byteLength;
  return 8;
}

/**
 * Copies one table from the snapshot to the server in batches and returns the digest of what SQLite held,
 * in primary-key order. A batch is built while the server writes the previous one: the two engines run on
 * two cores side by side.
 */
export async function copyTable(sqlite: Database.Database, client: pg.ClientBase, plan: TablePlan): Promise<TableDigest> {
  const digest = new TableDigest();
  const insert = insertStatement(plan);

  let arrays: unknown[][] = plan.columns.map(() => []);
  let rows = 0;
  let bytes = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const send = async (): Promise<void> => {
    const batch = arrays;
    arrays = plan.columns.map(() => []);
    rows = 0;
    bytes = 0;
    await writing;
    writing = client.query(insert, batch);
  };

  for (const row of sqliteSelect(sqlite, plan).iterate() as IterableIterator<unknown[]>) {
    digest.add(row);
    for (let index = 0; index < row.length; index++) {
      arrays[index]!.push(row[index]);
      bytes += approximateBytes(row[index]);
    }
    rows += 1;
    if (rows >= BATCH_ROWS || bytes >= BATCH_BYTES) await send();
  }
  if (rows > 0) await send();
  await writing;
  return digest;
}

/**
 * The digest of a table as the server now holds it, read through a cursor inside the copy's own transaction
 * (so it sees the uncommitted rows, and nothing else can). `eachPage` sees the rows as they come, for the
 * audit chain's walk.
 */
export async function serverDigest(client: pg.ClientBase, plan: TablePlan, eachPage?: (rows: unknown[][]) => void): Promise<TableDigest> {
  const digest = new TableDigest();
  await client.query(`declare ettervern_copy_check no scroll cursor for ${serverSelect(plan)}`);
  for (;;) {
    const page = await client.query<unknown[]>({ text: `fetch forward ${FETCH_ROWS} from ettervern_copy_check`, rowMode: 'array' });
    for (const row of page.rows) digest.add(row);
    eachPage?.(page.rows);
    if (page.rows.length < FETCH_ROWS) break;
  }
  // After a failed fetch the transaction is aborted and rolled back, which closes the cursor with it.
  await client.query('close ettervern_copy_check');
  return digest;
}
