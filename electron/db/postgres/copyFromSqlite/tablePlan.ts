import type pg from 'pg';
import { DATA_TABLES } from '@shared/domain/dataTables';
import { POSTGRES_ONLY_COLUMNS, POSTGRES_ONLY_TABLES, TEAM_COLUMN } from '../teamSchema';
import { CopyToServerError } from './copyError';
import { MIGRATOR_TABLE, type SqliteTable } from './sqliteSnapshot';

/** A column to copy, with the server's type for it. */
export interface PlannedColumn {
  readonly name: string;
  /** As `format_type` spells it (`integer`, `text`, `double precision`, `bytea`…): the cast of its array in the insert. */
  readonly serverType: string;
  /** Text sorts by bytes on SQLite; the server is told to do the same (`collate "C"`) wherever order matters. */
  readonly isText: boolean;
}

/** How one table is copied, from the server's catalog and the SQLite file's schema, checked to agree. */
export interface TablePlan {
  readonly name: string;
  /** In SQLite's column order, the order both sides are read and digested in. */
  readonly columns: readonly PlannedColumn[];
  readonly primaryKey: readonly PlannedColumn[];
  /** The identity column whose sequence must be moved past the copied ids. */
  readonly identity: string | null;
  /** Whether the table has triggers of its own (not the server's foreign-key triggers). */
  readonly hasTriggers: boolean;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

interface CatalogColumn {
  table: string;
  name: string;
  type: string;
  identity: string;
}

/**
 * Every table both engines have, in an order where each table comes after the tables its foreign keys point
 * to. The list comes from the catalogs, checked against the app's own list of tables (shared/domain/
 * dataTables.ts, which the type check holds to the schema): a table or column the copier does not know, on
 * either side, refuses the whole move rather than leaving something behind.
 */
export async function planTables(client: pg.ClientBase, sqliteTables: ReadonlyMap<string, SqliteTable>): Promise<TablePlan[]> {
  const known = new Set<string>(DATA_TABLES);
  const serverTables = await serverCatalog(client);
  for (const name of new Set([...sqliteTables.keys(), ...serverTables.columns.keys()])) {
    if (!known.has(name)) throw new CopyToServerError(`Tabellen ${name} er ukjent for denne versjonen av Ettervern. Ingenting er kopiert.`);
    if (!sqliteTables.has(name)) throw new CopyToServerError(`Tabellen ${name} finnes på databaseserveren, men ikke i databasefilen. Ingenting er kopiert.`);
    if (!serverTables.columns.has(name))
      throw new CopyToServerError(`Tabellen ${name} finnes i databasefilen, men ikke på databaseserveren. Ingenting er kopiert.`);
  }
  for (const name of known) {
    if (!sqliteTables.has(name)) throw new CopyToServerError(`Tabellen ${name} mangler i databasefilen. Ingenting er kopiert.`);
  }

  const plans = new Map<string, TablePlan>();
  for (const table of sqliteTables.values()) plans.set(table.name, planTable(table, serverTables));
  return foreignKeyOrder(plans, serverTables.references);
}

function planTable(table: SqliteTable, catalog: ServerCatalog): TablePlan {
  const serverColumns = new Map(catalog.columns.get(table.name)!.map((column) => [column.name, column]));
  const sameColumns = serverColumns.size === table.columns.length && table.columns.every((name) => serverColumns.has(name));
  if (!sameColumns)
    throw new CopyToServerError(`Tabellen ${table.name} har ikke de samme kolonnene i databasefilen og på databaseserveren. Ingenting er kopiert.`);
  const columns = table.columns.map((name) => {
    const column = serverColumns.get(name)!;
    return { name, serverType: column.type, isText: column.type === 'text' || column.type.startsWith('character varying') };
  });
  const byName = new Map(columns.map((column) => [column.name, column]));
  const serverKey = catalog.primaryKeys.get(table.name) ?? [];
  if (serverKey.length === 0 || serverKey.join(',') !== table.primaryKey.join(',')) {
    throw new CopyToServerError(`Tabellen ${table.name} har ikke samme primærnøkkel i databasefilen og på databaseserveren. Ingenting er kopiert.`);
  }
  const identity = [...serverColumns.values()].find((column) => column.identity !== '')?.name ?? null;
  return {
    name: table.name,
    columns,
    primaryKey: serverKey.map((name) => byName.get(name)!),
    identity,
    hasTriggers: catalog.withTriggers.has(table.name),
  };
}

/** Kahn's order over the foreign keys (self-references aside), ties by name so every run copies alike. */
function foreignKeyOrder(plans: Map<string, TablePlan>, references: Map<string, Set<string>>): TablePlan[] {
  const ordered: TablePlan[] = [];
  const remaining = new Set([...plans.keys()].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].find((name) => [...(references.get(name) ?? [])].every((target) => target === name || !remaining.has(target)));
    if (ready === undefined) throw new CopyToServerError('Tabellene viser til hverandre i ring, så de kan ikke kopieres i rekkefølge. Ingenting er kopiert.');
    ordered.push(plans.get(ready)!);
    remaining.delete(ready);
  }
  return ordered;
}

interface ServerCatalog {
  columns: Map<string, CatalogColumn[]>;
  primaryKeys: Map<string, string[]>;
  /** Table → the tables its foreign keys point to. */
  references: Map<string, Set<string>>;
  withTriggers: Set<string>;
}

/**
 * What the server has and a team's file cannot: the teams themselves, the role mapping, each row's team and
 * the audit row's login role (teamSchema.ts). Left out of the plan, they are filled by the server: `team_id`
 * by its default (the team the copy names), `db_role` by its trigger.
 */
function serverOnlyColumn(table: string, column: string): boolean {
  return column === TEAM_COLUMN || column in (POSTGRES_ONLY_COLUMNS[table] ?? {});
}

/**
 * The tables of the connection's schema, from pg_catalog (information_schema hides what the role does not own),
 * without what exists on the server only; a primary key is compared without the team in front of it.
 */
async function serverCatalog(client: pg.ClientBase): Promise<ServerCatalog> {
  const tableFilter = `c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'`;
  const columns = await client.query<CatalogColumn>(
    `select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity
       from pg_attribute a join pg_class c on c.oid = a.attrelid
      where ${tableFilter} and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const keys = await client.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_constraint k join pg_class c on c.oid = k.conrelid
       cross join lateral unnest(k.conkey) with ordinality as key(attnum, position)
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = key.attnum
      where ${tableFilter} and k.contype = 'p'
      order by c.relname, key.position`,
  );
  const foreignKeys = await client.query<{ table: string; target: string }>(
    `select distinct c.relname as table, t.relname as target
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid
      where ${tableFilter} and k.contype = 'f'`,
  );
  const triggers = await client.query<{ table: string }>(
    `select distinct c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid where ${tableFilter} and not g.tgisinternal`,
  );

  const catalog: ServerCatalog = { columns: new Map(), primaryKeys: new Map(), references: new Map(), withTriggers: new Set() };
  const copied = (table: string) => !MIGRATOR_TABLE.test(table) && !(table in POSTGRES_ONLY_TABLES);
  for (const column of columns.rows.filter((row) => copied(row.table) && !serverOnlyColumn(row.table, row.name))) {
    const list = catalog.columns.get(column.table) ?? [];
    list.push(column);
    catalog.columns.set(column.table, list);
  }
  for (const key of keys.rows.filter((row) => copied(row.table) && row.column !== TEAM_COLUMN)) {
    catalog.primaryKeys.set(key.table, [...(catalog.primaryKeys.get(key.table) ?? []), key.column]);
  }
  for (const foreignKey of foreignKeys.rows.filter((row) => copied(row.table) && copied(row.target))) {
    catalog.references.set(foreignKey.table, (catalog.references.get(foreignKey.table) ?? new Set()).add(foreignKey.target));
  }
  for (const trigger of triggers.rows.filter((row) => copied(row.table))) catalog.withTriggers.add(trigger.table);
  return catalog;
}
