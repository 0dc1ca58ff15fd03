import { sql, type Kysely } from 'kysely';
import { bigIntegerType } from '../engineDdl';

/**
 * Optimistic concurrency: several PCs write to one shared file, so a save must not silently overwrite a
 * colleague's change made after the form was loaded. Every record a user edits gets a `version` that each
 * update raises by one in the same `UPDATE … WHERE version = ?` (electron/services/versions/), and the
 * member and time of the last change, so the refusal can name who changed it and when.
 */
const VERSIONED = [
  'cases',
  'case_goals',
  'contacts',
  'network_events',
  'team_members',
  'time_entries',
  'settings',
  'evaluation_responses',
  'life_domains',
  'municipality_years',
  'cost_share_years',
  'annual_report_texts',
] as const;

/** Tables that had no `updated_by` (or no `updated_at`) until now. */
const WITHOUT_UPDATED_BY = ['cases', 'case_goals', 'contacts', 'network_events', 'team_members', 'evaluation_responses', 'life_domains'] as const;
const WITHOUT_UPDATED_AT = ['team_members', 'life_domains'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of VERSIONED) {
    // An annual report text written afresh starts at the save's time in milliseconds (services/annualReport/texts.ts).
    await sql`alter table ${sql.table(table)} add column version ${bigIntegerType(db)} not null default 1 check (version >= 1)`.execute(db);
  }
  for (const table of WITHOUT_UPDATED_BY) {
    await sql`alter table ${sql.table(table)} add column updated_by integer references team_members (id) on delete restrict`.execute(db);
  }
  for (const table of WITHOUT_UPDATED_AT) {
    // Null until the record is first edited after this migration.
    await sql`alter table ${sql.table(table)} add column updated_at text`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of WITHOUT_UPDATED_AT) await sql`alter table ${sql.table(table)} drop column updated_at`.execute(db);
  for (const table of WITHOUT_UPDATED_BY) await sql`alter table ${sql.table(table)} drop column updated_by`.execute(db);
  for (const table of VERSIONED) await sql`alter table ${sql.table(table)} drop column version`.execute(db);
}
