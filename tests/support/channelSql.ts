import type Database from 'better-sqlite3';
import type { ChannelName } from '@shared/contract';
import { handlers, type Handlers } from '../../electron/services/handlers';

export interface TableUse {
  read: Set<string>;
  written: Set<string>;
}

type AnyHandler = (ctx: unknown, input: unknown) => unknown;

/** Statements that read or change rows; the rest (pragmas, transactions, schema changes, VACUUM) touch no table's data. */
const DATA_STATEMENT = /^\s*(with|select|insert|update|delete|replace)\b/i;

/** SQLite's and Kysely's own bookkeeping (sqlite_sequence, kysely_migration): nobody's data. */
const BOOKKEEPING = /^(sqlite_|kysely_)/;

/**
 * Watches which SQL each channel's service runs. Give `verbose` to openDatabase and `handlers` to the
 * dispatcher: while a service runs, every statement the connection executes is kept under its channel.
 * What the dispatcher does around a service (checking who is signed in) belongs to no channel's data.
 */
export function recordChannelSql() {
  let running: ChannelName | null = null;
  const statements = new Map<ChannelName, Set<string>>();

  const verbose = (sql: unknown) => {
    if (!running) return;
    const kept = statements.get(running) ?? new Set<string>();
    kept.add(String(sql));
    statements.set(running, kept);
  };

  const watch =
    (channel: ChannelName, handler: AnyHandler): AnyHandler =>
    (ctx, input) => {
      const outer = running;
      running = channel;
      try {
        const result = handler(ctx, input);
        if (result instanceof Promise) return result.finally(() => (running = outer));
        running = outer;
        return result;
      } catch (error) {
        running = outer;
        throw error;
      }
    };
  const watched = Object.fromEntries(
    (Object.entries(handlers) as [ChannelName, AnyHandler][]).map(([channel, handler]) => [channel, watch(channel, handler)]),
  ) as unknown as Handlers;

  return {
    verbose,
    handlers: watched,
    /** The tables each channel that ran has read and written, as SQLite's own plans for its statements say. */
    tablesUsed(sqlite: Database.Database): Map<ChannelName, TableUse> {
      return new Map([...statements].map(([channel, sqls]) => [channel, tablesOf(sqlite, sqls)]));
    },
  };
}

interface PlanStep {
  opcode: string;
  p2: number;
  p3: number;
}

/**
 * The tables statements open for reading and for writing, from SQLite's compiled program (EXPLAIN):
 * OpenRead/ReopenIdx and OpenWrite name a root page (of a table or of one of its indexes). The program
 * holds the triggers the statement fires and the foreign-key cascades it sets off, so what those write
 * counts too. Run after the statements ran, on the same connection, so the schema is theirs.
 */
export function tablesOf(sqlite: Database.Database, statements: Iterable<string>): TableUse {
  const tableAt = new Map(
    (sqlite.prepare('select rootpage, tbl_name from sqlite_master where rootpage > 0').all() as { rootpage: number; tbl_name: string }[]).map((row) => [
      row.rootpage,
      row.tbl_name,
    ]),
  );
  const use: TableUse = { read: new Set(), written: new Set() };
  for (const sql of statements) {
    if (!DATA_STATEMENT.test(sql)) continue;
    for (const step of sqlite.prepare(`explain ${sql}`).all() as PlanStep[]) {
      // p3 is the database: 0 is the main file, 1 the temporary one.
      const table = step.p3 === 0 ? tableAt.get(step.p2) : undefined;
      if (!table || BOOKKEEPING.test(table)) continue;
      if (step.opcode === 'OpenWrite') use.written.add(table);
      else if (step.opcode === 'OpenRead' || step.opcode === 'ReopenIdx') use.read.add(table);
    }
  }
  return use;
}
