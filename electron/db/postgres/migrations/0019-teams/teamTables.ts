import { sql, type Kysely, type RawBuilder } from 'kysely';
import { TEAM_NAME_SETTING } from '../../roles';
import { totalsKeepBody } from '../0002-daily-totals';
import { POSTGRES_ONLY_TABLES, SERVER_WIDE_KEYS, SHARED_TABLES, TEAM_COLUMN } from '../../teamSchema';

/** Now as the app stores times: ISO 8601 in UTC with milliseconds. */
export const UTC_NOW_SQL = `to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Every table of the schema that belongs to a team: all but the shared, the server's own and the migrator's. */
export async function listTeamTables(db: Kysely<any>): Promise<string[]> {
  const notTeam = [...Object.keys(SHARED_TABLES), ...Object.keys(POSTGRES_ONLY_TABLES)];
  const rows = await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'kysely%' order by c.relname`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !notTeam.includes(name));
}

/**
 * Rows that predate teams: a database holding only the schema's own seeds (life domains and populations,
 * untouched) gives them up, since every team gets its own from `ettervern_create_team`; one with anything
 * else keeps it all as its first team, named by `ettervern.team_name` when the owner set it. The audit log's
 * append-only trigger is lifted for that one backfill, inside the migration's transaction (as 0006 does).
 */
export async function addTeamColumns(db: Kysely<any>, teamTables: string[]): Promise<void> {
  const seeded = ['life_domains', 'municipality_years'];
  let teamData = false;
  for (const table of teamTables) {
    const condition = seeded.includes(table) ? sql`where updated_by is not null or version > 1` : sql``;
    const found = await sql<{ found: boolean }>`select exists (select from ${sql.table(table)} ${condition}) as found`.execute(db);
    teamData ||= found.rows[0]!.found;
  }
  let firstTeam: number | null = null;
  if (teamData) {
    firstTeam = (
      await sql<{ id: number }>`insert into teams (name, created_at)
        values (coalesce(nullif(current_setting(${TEAM_NAME_SETTING}, true), ''), 'Team 1'), ${sql.raw(UTC_NOW_SQL)}) returning id`.execute(db)
    ).rows[0]!.id;
  } else {
    for (const table of seeded) await sql`delete from ${sql.table(table)}`.execute(db);
  }
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  for (const table of teamTables) {
    await sql`alter table ${sql.table(table)} add column ${sql.ref(TEAM_COLUMN)} integer references teams (id)`.execute(db);
    if (firstTeam !== null) await sql`update ${sql.table(table)} set ${sql.ref(TEAM_COLUMN)} = ${firstTeam}`.execute(db);
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(TEAM_COLUMN)} set not null,
      alter column ${sql.ref(TEAM_COLUMN)} set default ettervern_current_team()`.execute(db);
  }
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
}

interface KeyConstraint {
  table: string;
  name: string;
  kind: 'p' | 'u';
  columns: string[];
  /** Whether a column is the table's own row id or points at another team table's row: such keys are per team already. */
  teamSpecific: boolean;
}

/** Keys of team tables with a value two teams may share (a case code, a settings key, a year) get the team in front. */
export async function makeKeysPerTeam(db: Kysely<any>, teamTables: string[]): Promise<void> {
  const keys = await sql<KeyConstraint>`select c.conrelid::regclass::text as table, c.conname as name, c.contype as kind,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, n)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
      exists (select from unnest(c.conkey) k(attnum) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
               where a.attidentity <> ''
                  or exists (select from pg_constraint f where f.conrelid = c.conrelid and f.contype = 'f' and k.attnum = any (f.conkey)
                               and f.confrelid::regclass::text = any (${teamTables}))) as "teamSpecific"
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
   where n.nspname = 'public' and c.contype in ('p', 'u') and c.conrelid::regclass::text = any (${teamTables})
   order by 1, 2`.execute(db);
  for (const key of keys.rows) {
    if (key.teamSpecific || key.name in SERVER_WIDE_KEYS) continue;
    const columns = sql.join([TEAM_COLUMN, ...key.columns].map((c) => sql.ref(c)));
    const kind = key.kind === 'p' ? sql`primary key` : sql`unique`;
    await sql`alter table ${sql.table(key.table)} drop constraint ${sql.ref(key.name)},
      add constraint ${sql.ref(key.name)} ${kind} (${columns})`.execute(db);
  }
}

/**
 * A reference from one team table to another names the team on both sides, so a row can only point at a row
 * of its own team. Foreign-key checks do not see row-level security: without this a member could attach an
 * entry to another team's case by its id (and learn from the error whether it exists).
 */
export async function makeReferencesCarryTheTeam(db: Kysely<any>, teamTables: string[]): Promise<void> {
  const referenced = await sql<{ table: string }>`select distinct f.confrelid::regclass::text as table from pg_constraint f
    where f.contype = 'f' and f.conrelid::regclass::text = any (${teamTables}) and f.confrelid::regclass::text = any (${teamTables})`.execute(db);
  for (const { table } of referenced.rows) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_team_row_key`)} unique (${sql.ref(TEAM_COLUMN)}, id)`.execute(db);
  }
  const references = await sql<{ table: string; name: string; column: string; target: string; onDelete: string }>`select
      f.conrelid::regclass::text as table, f.conname as name, a.attname::text as column, f.confrelid::regclass::text as target,
      f.confdeltype::text as "onDelete"
    from pg_constraint f join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
   where f.contype = 'f' and cardinality(f.conkey) = 1 and f.conrelid::regclass::text = any (${teamTables})
     and f.confrelid::regclass::text = any (${teamTables}) order by 1, 2`.execute(db);
  const ON_DELETE: Record<string, (column: string) => RawBuilder<unknown>> = {
    a: () => sql``,
    r: () => sql`on delete restrict`,
    c: () => sql`on delete cascade`,
    // PostgreSQL 15: only the reference column is set null, never the row's team.
    n: (column) => sql`on delete set null (${sql.ref(column)})`,
  };
  for (const ref of references.rows) {
    const onDelete = ON_DELETE[ref.onDelete];
    if (!onDelete) throw new Error(`Unexpected on-delete action ${ref.onDelete} on ${ref.name}`);
    await sql`alter table ${sql.table(ref.table)} drop constraint ${sql.ref(ref.name)},
      add constraint ${sql.ref(ref.name)} foreign key (${sql.ref(TEAM_COLUMN)}, ${sql.ref(ref.column)})
        references ${sql.table(ref.target)} (${sql.ref(TEAM_COLUMN)}, id) ${onDelete(ref.column)}`.execute(db);
  }
  // The mapping points at a member of the team it names.
  await sql`alter table team_member_roles add constraint team_member_roles_member
    foreign key (team_id, team_member_id) references team_members (team_id, id)`.execute(db);
}

/**
 * Every query a member runs carries `team_id = …` (row-level security adds it), so each index of a team table
 * leads with the team, under its own name: a member's range (a year of entries, the grid's newest page) is one
 * contiguous stretch of the index instead of every team's entries filtered row by row.
 */
export async function leadIndexesWithTheTeam(db: Kysely<any>, teamTables: string[]): Promise<void> {
  const indexes = await sql<{ name: string; definition: string }>`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
   where n.nspname = 'public' and t.relname = any (${teamTables})
     and not exists (select from pg_constraint k where k.conindid = i.indexrelid) order by 1`.execute(db);
  for (const index of indexes.rows) {
    const parts = index.definition.split(' USING btree (');
    if (parts.length !== 2) throw new Error(`Unexpected index definition for ${index.name}`);
    await sql`drop index ${sql.ref(index.name)}`.execute(db);
    await sql.raw(`${parts[0]} USING btree (${TEAM_COLUMN}, ${parts[1]}`).execute(db);
  }
}

/** The daily totals (0002) per team: the row's own team keys them, and they are rebuilt per team. */
export async function keepTotalsPerTeam(db: Kysely<any>): Promise<void> {
  await sql`create or replace function time_totals_keep() returns trigger language plpgsql as $$
    ${totalsKeepBody([TEAM_COLUMN, 'municipality_id', 'category_id', 'entry_date'])}
    $$`.execute(db);
  // An entry moved to another team (by the owner) moves its totals too.
  await sql`drop trigger time_totals_after_update on time_entries`.execute(db);
  await sql`create trigger time_totals_after_update
    after update of team_id, entry_date, municipality_id, category_id, minutes, participant_count on time_entries
    for each row execute function time_totals_keep()`.execute(db);
  await sql`delete from time_totals_daily`.execute(db);
  await sql`insert into time_totals_daily (team_id, municipality_id, category_id, entry_date, entries, minutes, person_minutes)
    select team_id, municipality_id, category_id, entry_date, count(*), sum(minutes), sum(minutes * participant_count)
      from time_entries group by team_id, municipality_id, category_id, entry_date`.execute(db);
}

/** Row-level security on every team table, forced so the owner's own sessions (and its functions) obey it too. */
export async function protectRows(db: Kysely<any>, teamTables: string[]): Promise<void> {
  // (select …): evaluated once per statement, not once per row.
  const ownTeam = sql.raw(`${TEAM_COLUMN} = (select ettervern_current_team())`);
  for (const table of teamTables) {
    await sql`alter table ${sql.table(table)} enable row level security, force row level security`.execute(db);
    await sql`create policy team_rows on ${sql.table(table)} using (${ownTeam}) with check (${ownTeam})`.execute(db);
  }
  await sql`alter table teams enable row level security, force row level security`.execute(db);
  await sql`create policy own_team on teams for select using (id = (select ettervern_current_team()))`.execute(db);
  // The owner's function creates teams; nobody else can insert (no privilege), and this lets it through forced RLS.
  await sql`create policy new_team on teams for insert with check (true)`.execute(db);
}
