import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/** A column as both engines can describe it: its storage class, and whether it may be null. */
interface ColumnShape {
  type: 'integer' | 'text' | 'real' | 'blob';
  notNull: boolean;
}
type SchemaShape = Record<string, Record<string, ColumnShape>>;

const SQLITE_TYPES: Record<string, ColumnShape['type']> = { INTEGER: 'integer', TEXT: 'text', REAL: 'real', BLOB: 'blob' };
const POSTGRES_TYPES: Record<string, ColumnShape['type']> = {
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  'double precision': 'real',
  bytea: 'blob',
};

/** Tables Kysely's Migrator keeps for itself; their shapes are the dialect's business. */
const MIGRATOR_TABLES = /^kysely_migration/;

function sqliteShape(sqlite: import('better-sqlite3').Database): { tables: SchemaShape; indexes: string[]; triggers: string[] } {
  const tables: SchemaShape = {};
  const names = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
  for (const { name } of names.filter((t) => !MIGRATOR_TABLES.test(t.name))) {
    const columns = sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
    tables[name] = Object.fromEntries(
      columns.map((c) => [c.name, { type: SQLITE_TYPES[c.type.toUpperCase()] ?? (`unknown ${c.type}` as never), notNull: c.notnull === 1 || c.pk > 0 }]),
    );
  }
  const indexes = (
    sqlite.prepare("select name from sqlite_master where type = 'index' and sql is not null and tbl_name not like 'kysely%' order by name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const triggers = (sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").all() as { name: string }[]).map((r) => r.name);
  return { tables, indexes, triggers };
}

async function postgresShape(db: TestPostgresDatabase): Promise<{ tables: SchemaShape; indexes: string[]; triggers: string[] }> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
     where table_schema = 'public' order by table_name, ordinal_position`.execute(db.kysely);
  const tables: SchemaShape = {};
  for (const c of columns.rows.filter((r) => !MIGRATOR_TABLES.test(r.table_name))) {
    (tables[c.table_name] ??= {})[c.column_name] = {
      type: POSTGRES_TYPES[c.data_type] ?? (`unknown ${c.data_type}` as never),
      notNull: c.is_nullable === 'NO',
    };
  }
  // Indexes made by a primary key or unique constraint are SQLite's sqlite_autoindex_* (no SQL): not compared.
  const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes i
     where schemaname = 'public' and tablename not like 'kysely%'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname) order by indexname`.execute(db.kysely);
  const triggers = await sql<{ tgname: string }>`select distinct tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
     join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal order by tgname`.execute(db.kysely);
  return { tables, indexes: indexes.rows.map((r) => r.indexname), triggers: triggers.rows.map((r) => r.tgname) };
}

describe('the schema on PostgreSQL and on SQLite', () => {
  let postgres: TestPostgresDatabase;
  let folder: string;
  let sqliteSide: ReturnType<typeof sqliteShape>;
  let postgresSide: Awaited<ReturnType<typeof postgresShape>>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ettervern-parity-'));
    const sqlite = await openDatabase(join(folder, 'parity.sqlite'));
    try {
      sqliteSide = sqliteShape(sqlite.sqlite);
    } finally {
      sqlite.close();
    }
    postgres = await freshPostgresDatabase();
    postgresSide = await postgresShape(postgres);
  });
  afterAll(async () => {
    await postgres.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has the same tables', () => {
    expect(Object.keys(postgresSide.tables).sort()).toEqual(Object.keys(sqliteSide.tables).sort());
    expect(Object.keys(sqliteSide.tables).length).toBeGreaterThan(20);
  });

  it('has the same columns in every table, of the same storage class and nullability', () => {
    for (const [table, columns] of Object.entries(sqliteSide.tables)) {
      expect({ table, columns: postgresSide.tables[table] }).toEqual({ table, columns });
    }
  });

  it('has the same named indexes', () => {
    expect(postgresSide.indexes).toEqual(sqliteSide.indexes);
  });

  it("has every SQLite trigger under the same name (and only the audit log's TRUNCATE guard besides)", () => {
    expect(postgresSide.triggers.filter((name) => name !== 'audit_log_no_truncate')).toEqual(sqliteSide.triggers);
  });
});
