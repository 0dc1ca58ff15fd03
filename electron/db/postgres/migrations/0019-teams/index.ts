import type { Kysely } from 'kysely';
import { createRolesAndTeams } from './rolesAndTeams';
import {
  addTeamColumns,
  keepTotalsPerTeam,
  leadIndexesWithTheTeam,
  listTeamTables,
  makeKeysPerTeam,
  makeReferencesCarryTheTeam,
  protectRows,
} from './teamTables';
import { createMemberFunctions, recordAuditRole } from './memberFunctions';
import { createRegionViews } from './regionViews';

/**
 * Several teams on one PostgreSQL database, kept apart by the server (issue 19), not by the client:
 *
 * - `teams`, and a `team_id` on every team table (all but SHARED_TABLES), defaulting to
 *   `ettervern_current_team()`: a member's team from the mapping login role → member → team
 *   (`team_member_roles`), whatever the session sets; for a role that is not a member (the owner filling a
 *   team from its file) the setting `ettervern.team_id`.
 * - Row-level security, enabled and forced (the owner too), on every team table; references between team
 *   tables carry the team, so no row can point at another team's row.
 * - The derived totals per team, their triggers extended.
 * - Members created and deactivated only through SECURITY DEFINER functions that check the caller.
 * - The audit log records the signing-in role; a regional role reads aggregate views only.
 *
 * PostgreSQL only: a SQLite file is one team (see ../../teamSchema.ts for what the parity test allows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createRolesAndTeams(db);
  const teamTables = await listTeamTables(db);
  await addTeamColumns(db, teamTables);
  await makeKeysPerTeam(db, teamTables);
  await makeReferencesCarryTheTeam(db, teamTables);
  await leadIndexesWithTheTeam(db, teamTables);
  await keepTotalsPerTeam(db);
  await createMemberFunctions(db);
  await recordAuditRole(db);
  await protectRows(db, teamTables);
  await createRegionViews(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 0019 cannot be reversed; restore a backup instead.');
}
