import { sql, type Kysely } from 'kysely';
import { blobType, idColumn, tableOptions } from '../engineDdl';

/**
 * Documents made from templates the team edits in Word, and the evaluation forms users hand back.
 *
 * Templates live in the database, not in a folder: replacing one is a row in a transaction (no file
 * written beside a database that may sit on a network share), and each generated document can name the
 * template version it was made from. The newest version of a kind is the one in use; older versions stay
 * so the log keeps meaning something and a replacement can be undone by restoring the default.
 *
 * Evaluation answers are stored per question (one row each) so a yearly summary is a group-by; the form
 * carries the case code only, so nothing here names a person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table document_templates (
    id ${idColumn(db)},
    kind text not null check (kind in ('closure-report', 'evaluation-form')),
    version integer not null check (version >= 1),
    file_name text not null,
    content ${blobType(db)} not null,
    size_bytes integer not null,
    uploaded_at text not null,
    uploaded_by integer references team_members (id),
    is_default integer not null default 0 check (is_default in (0, 1)),
    unique (kind, version)
  )`.execute(db);

  await sql`create table generated_documents (
    id ${idColumn(db)},
    case_id integer not null references cases (id),
    kind text not null check (kind in ('closure-report', 'evaluation-form')),
    template_version integer not null,
    generated_at text not null,
    generated_by integer references team_members (id)
  )`.execute(db);
  await sql`create index generated_documents_by_case on generated_documents (case_id, generated_at)`.execute(db);

  await sql`create table evaluation_responses (
    id ${idColumn(db)},
    case_id integer not null references cases (id),
    received_date text not null,
    consent_to_contact integer check (consent_to_contact in (0, 1)),
    created_at text not null,
    created_by integer references team_members (id),
    updated_at text not null
  )`.execute(db);
  await sql`create index evaluation_responses_by_date on evaluation_responses (received_date)`.execute(db);
  await sql`create index evaluation_responses_by_case on evaluation_responses (case_id)`.execute(db);

  await sql`create table evaluation_answers (
    response_id integer not null references evaluation_responses (id) on delete cascade,
    -- The form's case again, so retention can clear the free text per case like every other case table.
    case_id integer not null references cases (id),
    question_id text not null,
    value integer check (value between 1 and 5),
    text_value text check (length(text_value) <= 1000),
    primary key (response_id, question_id)
  )${tableOptions(db, 'without rowid')}`.execute(db);
  await sql`create index evaluation_answers_by_case on evaluation_answers (case_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table evaluation_answers`.execute(db);
  await sql`drop table evaluation_responses`.execute(db);
  await sql`drop table generated_documents`.execute(db);
  await sql`drop table document_templates`.execute(db);
}
