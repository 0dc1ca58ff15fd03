import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import {
  POSTGRES_ONLY_COLUMNS,
  POSTGRES_ONLY_TABLES,
  POSTGRES_ONLY_TRIGGERS,
  REGION_VIEWS,
  SHARED_TABLES,
  TEAM_COLUMN,
} from '../../electron/db/postgres/teamSchema';
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

async function postgresShape(db: TestPostgresDatabase): Promise<{ tables: SchemaShape; indexes: string[]; triggers: string[]; views: string[] }> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
    select c.table_name, c.column_name, c.data_type, c.is_nullable from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = 'public' order by c.table_name, c.ordinal_position`.execute(db.kysely);
  const views = await sql<{ table_name: string }>`select table_name from information_schema.views where table_schema = 'public'
     order by table_name`.execute(db.kysely);
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
  return {
    tables,
    indexes: indexes.rows.map((r) => r.indexname),
    triggers: triggers.rows.map((r) => r.tgname),
    views: views.rows.map((r) => r.table_name),
  };
}

/**
 * The PostgreSQL schema less what ../../electron/db/postgres/teamSchema.ts declares PostgreSQL's own (teams on
 * one server): its tables, the team column on every table but the shared ones, and the named extra columns.
 * What is left must equal SQLite's; the test below checks the team column is on every team table.
 */
function withoutPostgresOnly(tables: SchemaShape): SchemaShape {
  const left: SchemaShape = {};
  for (const [table, columns] of Object.entries(tables)) {
    if (table in POSTGRES_ONLY_TABLES) continue;
    const own = { ...(POSTGRES_ONLY_COLUMNS[table] ?? {}), ...(table in SHARED_TABLES ? {} : { [TEAM_COLUMN]: 'team' }) };
    left[table] = Object.fromEntries(Object.entries(columns).filter(([column]) => !(column in own)));
  }
  return left;
}

describe('the schema on PostgreSQL and on SQLite', () => {
  let postgres: TestPostgresDatabase;
  let folder: string;
  let sqliteSide: ReturnType<typeof sqliteShape>;
  let postgresSide: Awaited<ReturnType<typeof postgresShape>>;
  let postgresOnly: Awaited<ReturnType<typeof postgresShape>>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ettervern-parity-'));
    const sqlite = await openDatabase(join(folder, 'parity.sqlite'));
    try {
      sqliteSide = sqliteShape(sqlite.sqlite);
    } finally {
      sqlite.close();
    }
    postgres = await freshPostgresDatabase();
    const shape = await postgresShape(postgres);
    postgresSide = { ...shape, tables: withoutPostgresOnly(shape.tables) };
    postgresOnly = shape;
  });
  afterAll(async () => {
    await postgres.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has on PostgreSQL only what teamSchema.ts declares: its tables, a not-null team column on every team table, its views', () => {
    for (const table of Object.keys(POSTGRES_ONLY_TABLES)) expect(postgresOnly.tables[table], table).toBeDefined();
    for (const [table, columns] of Object.entries(postgresOnly.tables)) {
      if (table in POSTGRES_ONLY_TABLES) continue;
      expect({ table, team: columns[TEAM_COLUMN] }).toEqual({ table, team: table in SHARED_TABLES ? undefined : { type: 'integer', notNull: true } });
    }
    expect(postgresOnly.views).toEqual([...REGION_VIEWS].sort());
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

  it('has every SQLite trigger under the same name, and besides only those teamSchema.ts declares', () => {
    expect(postgresSide.triggers.filter((name) => !(name in POSTGRES_ONLY_TRIGGERS))).toEqual(sqliteSide.triggers);
    for (const name of Object.keys(POSTGRES_ONLY_TRIGGERS)) expect(postgresSide.triggers).toContain(name);
  });
});
