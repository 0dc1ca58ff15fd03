import { sql, type Kysely } from 'kysely';
import {
  CASE_CONTACT_ROLES,
  CLOSURE_REASONS,
  CONTACT_AREAS,
  CONTACT_KINDS,
  DEFAULT_LIFE_DOMAINS,
  GOAL_STATUSES,
  INSTITUTION_KINDS,
  NETWORK_KINDS,
  RATING_OCCASIONS,
} from '@shared/domain/caseLife';
import { CASE_STATUSES } from '@shared/domain/caseStatus';
import { idColumn, tableOptions } from '../engineDdl';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * A case's whole life and the partners around it. The lifecycle's data are nullable columns on `cases`
 * (so rows written with only the foundation's columns, such as imported cases, stay valid); goals,
 * ratings, transitions, contacts and the network log are tables of their own. Free text about a case
 * lives in columns and tables that can be emptied per case without touching its statistics.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, string][] = [
    ['rejected_date', 'text'],
    ['institution_kind', `text check (institution_kind in (${INSTITUTION_KINDS.map((k) => `'${k}'`).join(', ')}))`],
    ['institution_name', 'text'],
    ['institution_from', 'text'],
    ['expected_discharge_date', 'text'],
    ['discharge_date', 'text'],
    ['closure_reason', `text check (closure_reason in (${CLOSURE_REASONS.map((k) => `'${k}'`).join(', ')}))`],
    ['takeover_service', 'text'],
    ['after_contact_date', 'text'],
    ['risk_assessment_date', 'text'],
    ['risk_assessed_by', 'integer references team_members (id) on delete restrict'],
    ['risk_assessment_done', 'integer check (risk_assessment_done in (0, 1))'],
  ];
  for (const [name, definition] of columns) await sql.raw(`alter table cases add column ${name} ${definition}`).execute(db);
  await sql`create index cases_by_status on cases (status, year)`.execute(db);

  await sql`create table case_transitions (
    id ${idColumn(db)},
    case_id integer not null references cases (id) on delete cascade,
    from_status text,
    to_status text not null check (to_status in (${list(CASE_STATUSES)})),
    on_date text not null,
    reopened integer not null default 0 check (reopened in (0, 1)),
    at text not null,
    actor_id integer references team_members (id) on delete restrict
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index case_transitions_by_case on case_transitions (case_id, id)`.execute(db);

  await sql`create table case_goals (
    id ${idColumn(db)},
    case_id integer not null references cases (id) on delete cascade,
    text text not null check (length(text) between 1 and 200),
    status text not null check (status in (${list(GOAL_STATUSES)})),
    created_at text not null,
    updated_at text not null
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index case_goals_by_case on case_goals (case_id, id)`.execute(db);

  await sql`create table life_domains (
    id ${idColumn(db)},
    name text not null unique check (length(name) between 1 and 60),
    sort_order integer not null,
    retired_at text
  )${tableOptions(db, 'strict')}`.execute(db);
  for (const [index, name] of DEFAULT_LIFE_DOMAINS.entries()) {
    await sql`insert into life_domains (name, sort_order) values (${name}, ${index + 1})`.execute(db);
  }

  await sql`create table case_domain_ratings (
    case_id integer not null references cases (id) on delete cascade,
    domain_id integer not null references life_domains (id) on delete restrict,
    occasion text not null check (occasion in (${list(RATING_OCCASIONS)})),
    level integer not null check (level between 1 and 3),
    rated_on text not null,
    note text check (length(note) <= 200),
    primary key (case_id, domain_id, occasion)
  )${tableOptions(db, 'strict')}`.execute(db);

  await sql`create table contacts (
    id ${idColumn(db)},
    name text not null check (length(name) between 1 and 120),
    kind text not null check (kind in (${list(CONTACT_KINDS)})),
    area text not null check (area in (${list(CONTACT_AREAS)})),
    municipality_id integer references municipalities (id) on delete restrict,
    other_municipality text,
    phone text,
    email text,
    address text,
    archived_at text,
    created_at text not null,
    updated_at text not null,
    check ((area = 'member') = (municipality_id is not null)),
    check ((area = 'other') = (other_municipality is not null))
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index contacts_by_municipality on contacts (municipality_id)`.execute(db);

  await sql`create table contact_people (
    id ${idColumn(db)},
    contact_id integer not null references contacts (id) on delete cascade,
    name text not null check (length(name) between 1 and 120),
    role text,
    phone text,
    email text
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index contact_people_by_contact on contact_people (contact_id)`.execute(db);

  await sql`create table case_contacts (
    id ${idColumn(db)},
    case_id integer not null references cases (id) on delete cascade,
    contact_id integer not null references contacts (id) on delete restrict,
    person_id integer references contact_people (id) on delete restrict,
    role text not null check (role in (${list(CASE_CONTACT_ROLES)})),
    unique (case_id, contact_id, role)
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index case_contacts_by_contact on case_contacts (contact_id)`.execute(db);

  await sql`create table network_events (
    id ${idColumn(db)},
    event_date text not null,
    kind text not null check (kind in (${list(NETWORK_KINDS)})),
    municipality_id integer references municipalities (id) on delete restrict,
    note text check (length(note) <= 300),
    created_at text not null,
    updated_at text not null
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index network_events_by_date on network_events (event_date)`.execute(db);

  await sql`create table network_event_contacts (
    event_id integer not null references network_events (id) on delete cascade,
    contact_id integer not null references contacts (id) on delete restrict,
    primary key (event_id, contact_id)
  )${tableOptions(db, 'strict')}`.execute(db);
  await sql`create index network_event_contacts_by_contact on network_event_contacts (contact_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0004 cannot be reversed; restore a backup instead.');
}
