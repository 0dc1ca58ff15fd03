import { sql, type Kysely } from 'kysely';

/**
 * An entry on a case counts for the case's municipality. When a member deliberately logs it on another
 * one (a meeting held in the neighbouring municipality's office, paid by them), the reason they gave is
 * kept beside the entry, so the list and the cost share can show why the figures differ from the case.
 * Null when the entry follows its case (or has none).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table time_entries add column municipality_override_reason text
    check (municipality_override_reason is null or length(trim(municipality_override_reason)) between 1 and 200)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table time_entries drop column municipality_override_reason`.execute(db);
}
