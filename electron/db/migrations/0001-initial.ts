import { sql, type Kysely } from 'kysely';
import { CATEGORY_SEED } from '@shared/domain/categories';
import { MUNICIPALITY_SEED } from '@shared/domain/municipalities';
import { CASE_STATUSES } from '@shared/domain/caseStatus';

/**
 * The foundation schema: reference data, team, cases, time entries with participants, and the audit log.
 * Reference data is seeded here so that every database, new or migrated, starts from the same values.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('municipalities')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('municipality_number', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('member', 'other', 'shared')`))
    .addColumn('member_from', 'text')
    .addColumn('member_to', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addCheckConstraint('municipality_code_for_members', sql`(kind = 'member') = (code is not null)`)
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('case_work', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('retired_at', 'text')
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('initials', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('teammedlem', 'administrator')`))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const statuses = sql.join(CASE_STATUSES.map((s) => sql.lit(s)));
  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('running_number', 'integer', (c) => c.notNull().check(sql`running_number > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${statuses})`))
    .addColumn('referral_date', 'text')
    .addColumn('start_date', 'text')
    .addColumn('closed_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_by_municipality_year').on('cases').columns(['municipality_id', 'year', 'running_number']).execute();

  await db.schema
    .createTable('case_staff')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('team_member_id', 'integer', (c) => c.notNull().references('team_members.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('case_staff_pk', ['case_id', 'team_member_id'])
    .execute();
  await db.schema.createIndex('case_staff_by_member').on('case_staff').columns(['team_member_id']).execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('entry_date', 'text', (c) => c.notNull().check(sql`entry_date glob '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id').onDelete('restrict'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('restrict'))
    // A category with time on it can never be deleted, only retired.
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('restrict'))
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes > 0 and minutes <= 1440 and minutes % 30 = 0`))
    .addColumn('participant_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual', 'import', 'demo')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('team_members.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('team_members.id'))
    .execute();
  // Counting a year's entries: a range scan on the date.
  await db.schema.createIndex('time_entries_by_date').on('time_entries').columns(['entry_date']).execute();
  // The list filtered by municipality, newest first.
  await db.schema.createIndex('time_entries_by_municipality').on('time_entries').columns(['municipality_id', 'entry_date']).execute();
  await db.schema.createIndex('time_entries_by_case').on('time_entries').columns(['case_id', 'entry_date']).execute();
  await db.schema.createIndex('time_entries_by_category').on('time_entries').columns(['category_id', 'entry_date']).execute();

  await db.schema
    .createTable('time_entry_participants')
    .addColumn('time_entry_id', 'integer', (c) => c.notNull().references('time_entries.id').onDelete('cascade'))
    .addColumn('team_member_id', 'integer', (c) => c.notNull().references('team_members.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('time_entry_participants_pk', ['time_entry_id', 'team_member_id'])
    .execute();
  await db.schema.createIndex('time_entry_participants_by_member').on('time_entry_participants').columns(['team_member_id', 'time_entry_id']).execute();
  await sql`create trigger time_entry_participants_count_insert after insert on time_entry_participants begin
    update time_entries set participant_count = participant_count + 1 where id = new.time_entry_id; end`.execute(db);
  await sql`create trigger time_entry_participants_count_delete after delete on time_entry_participants begin
    update time_entries set participant_count = participant_count - 1 where id = old.time_entry_id; end`.execute(db);

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('team_members.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('audit_log_by_record').on('audit_log').columns(['record_type', 'record_id']).execute();
  // The log is append-only: a change made by the app or by hand to a past row is refused.
  await sql`create trigger audit_log_no_update before update on audit_log begin
    select raise(abort, 'audit_log er skrivebeskyttet'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log begin
    select raise(abort, 'audit_log er skrivebeskyttet'); end`.execute(db);

  await seedReferenceData(db);
}

/** The municipalities and categories every new database starts with; the PostgreSQL schema seeds the same. */
export async function seedReferenceData(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('municipalities')
    .values(
      MUNICIPALITY_SEED.map((m) => ({
        code: m.code,
        name: m.name,
        municipality_number: m.municipalityNumber,
        kind: m.kind,
        member_from: m.memberFrom,
        member_to: m.memberTo,
        sort_order: m.sortOrder,
      })),
    )
    .execute();
  await db
    .insertInto('categories')
    .values(CATEGORY_SEED.map((c) => ({ number: c.number, name: c.name, description: c.description, case_work: c.caseWork ? 1 : 0 })))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migration 0001 cannot be reversed; restore a backup instead.');
}
