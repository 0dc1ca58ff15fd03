import { sql, type Kysely } from 'kysely';

/** Longest referral reason: a line or two on why the case came to the team, not the referral itself. */
export const REFERRAL_REASON_MAX = 300;
/** Longest team assessment: about half a page in the closure report; the full story is in the patient record. */
export const TEAM_ASSESSMENT_MAX = 2000;

/**
 * What the closure report needs and did not have (issue 15): the reason the case was referred and the
 * team's own assessment and recommendations, both short free text on the case that retention empties;
 * and, with a returned evaluation form, whether the user agreed that the answers are shared with the
 * municipality (1 yes, 0 no, null not ticked) — without a yes the closure report leaves the answers out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases add column referral_reason text check (length(referral_reason) <= ${sql.lit(REFERRAL_REASON_MAX)})`.execute(db);
  await sql`alter table cases add column team_assessment text check (length(team_assessment) <= ${sql.lit(TEAM_ASSESSMENT_MAX)})`.execute(db);
  await sql`alter table evaluation_responses add column consent_to_share integer check (consent_to_share in (0, 1))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table evaluation_responses drop column consent_to_share`.execute(db);
  await sql`alter table cases drop column team_assessment`.execute(db);
  await sql`alter table cases drop column referral_reason`.execute(db);
}
