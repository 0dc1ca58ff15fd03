import { sql, type Kysely } from 'kysely';
import { CASE_STATUSES } from '@shared/domain/caseStatus';
import { seedReferenceData } from '../../migrations/0001-initial';
import { globCheck, idColumn } from '../../engineDdl';
import { APP_ROLE, createServerRole } from '../roles';
import { NORWEGIAN_COLLATION } from '../norwegianText';

/**
 * PostgreSQL's 0001 (see electron/db/migrations/0001-initial.ts): the same tables, columns, keys and checks,
 * the participant-count triggers in PL/pgSQL, and an append-only audit log held by two locks — triggers that
 * refuse UPDATE, DELETE and TRUNCATE for every role, owner included, and the app's role never granted those
 * privileges on it. Reference data is seeded by the same function as on SQLite.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createServerRole(db, APP_ROLE);
  await sql.raw(`revoke all on schema public from public`).execute(db);
  await sql.raw(`grant usage on schema public to ${APP_ROLE}`).execute(db);
  // Every table this role creates from here on is readable and writable by the app's role, except what a
  // migration takes back (the audit log below).
  await sql.raw(`alter default privileges in schema public grant select, insert, update, delete on tables to ${APP_ROLE}`).execute(db);
  await sql.raw(`alter default privileges in schema public grant usage, select on sequences to ${APP_ROLE}`).execute(db);

  // Norwegian order for names (see ../norwegianText.ts): ICU's Norwegian rules, with digit runs compared as
  // numbers, as SQLite's nb_key() does for «Team 9» before «Team 10».
  await sql.raw(`create collation ${NORWEGIAN_COLLATION} (provider = icu, locale = 'nb-NO-u-kn-true')`).execute(db);

  await sql`create table municipalities (
    id ${idColumn(db)},
    code text unique,
    name text not null unique,
    municipality_number text,
    kind text not null check (kind in ('member', 'other', 'shared')),
    member_from text,
    member_to text,
    sort_order integer not null,
    constraint municipality_code_for_members check ((kind = 'member') = (code is not null))
  )`.execute(db);

  await sql`create table categories (
    id ${idColumn(db)},
    number integer not null unique,
    name text not null unique,
    description text not null default '',
    case_work integer not null default 1,
    retired_at text
  )`.execute(db);

  await sql`create table team_members (
    id ${idColumn(db)},
    username text not null unique,
    display_name text not null,
    initials text not null,
    role text not null check (role in ('teammedlem', 'administrator')),
    active integer not null default 1,
    created_at text not null
  )`.execute(db);

  const statuses = sql.join(CASE_STATUSES.map((s) => sql.lit(s)));
  await sql`create table cases (
    id ${idColumn(db)},
    code text not null unique,
    municipality_id integer not null references municipalities (id) on delete restrict,
    year integer not null,
    running_number integer not null check (running_number > 0),
    status text not null check (status in (${statuses})),
    referral_date text,
    start_date text,
    closed_date text,
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await sql`create index cases_by_municipality_year on cases (municipality_id, year, running_number)`.execute(db);

  await sql`create table case_staff (
    case_id integer not null references cases (id) on delete cascade,
    team_member_id integer not null references team_members (id) on delete restrict,
    constraint case_staff_pk primary key (case_id, team_member_id)
  )`.execute(db);
  await sql`create index case_staff_by_member on case_staff (team_member_id)`.execute(db);

  await sql`create table time_entries (
    id ${idColumn(db)},
    entry_date text not null check (${globCheck(db, 'entry_date', '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')}),
    case_id integer references cases (id) on delete restrict,
    municipality_id integer not null references municipalities (id) on delete restrict,
    category_id integer not null references categories (id) on delete restrict,
    minutes integer not null check (minutes > 0 and minutes <= 1440 and minutes % 30 = 0),
    participant_count integer not null default 0,
    source text not null check (source in ('manual', 'import', 'demo')),
    created_at text not null,
    created_by integer references team_members (id),
    updated_at text not null,
    updated_by integer references team_members (id)
  )`.execute(db);
  await sql`create index time_entries_by_date on time_entries (entry_date)`.execute(db);
  await sql`create index time_entries_by_municipality on time_entries (municipality_id, entry_date)`.execute(db);
  await sql`create index time_entries_by_case on time_entries (case_id, entry_date)`.execute(db);
  await sql`create index time_entries_by_category on time_entries (category_id, entry_date)`.execute(db);

  await sql`create table time_entry_participants (
    time_entry_id integer not null references time_entries (id) on delete cascade,
    team_member_id integer not null references team_members (id) on delete restrict,
    constraint time_entry_participants_pk primary key (time_entry_id, team_member_id)
  )`.execute(db);
  await sql`create index time_entry_participants_by_member on time_entry_participants (team_member_id, time_entry_id)`.execute(db);
  await sql`create function time_entry_participants_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update time_entries set participant_count = participant_count + 1 where id = new.time_entry_id;
      else
        update time_entries set participant_count = participant_count - 1 where id = old.time_entry_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger time_entry_participants_count_insert after insert on time_entry_participants
    for each row execute function time_entry_participants_count()`.execute(db);
  await sql`create trigger time_entry_participants_count_delete after delete on time_entry_participants
    for each row execute function time_entry_participants_count()`.execute(db);

  await sql`create table audit_log (
    id ${idColumn(db)},
    at text not null,
    actor_id integer references team_members (id),
    action text not null,
    record_type text not null,
    record_id text,
    fields text not null default '[]'
  )`.execute(db);
  await sql`create index audit_log_by_record on audit_log (record_type, record_id)`.execute(db);
  await sql`create function audit_log_read_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log er skrivebeskyttet';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update before update on audit_log
    for each row execute function audit_log_read_only()`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    for each row execute function audit_log_read_only()`.execute(db);
  // TRUNCATE fires no row trigger; without this one the owner could empty the log in one statement.
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_read_only()`.execute(db);
  await sql.raw(`revoke update, delete, truncate on audit_log from ${APP_ROLE}`).execute(db);

  await seedReferenceData(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0001 cannot be reversed; restore a backup instead.');
}
