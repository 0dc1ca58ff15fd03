import { sql, type Kysely } from 'kysely';

/**
 * The server role every member's own login role belongs to. Migration 0001 creates it (once per server:
 * roles are not per database) and gives it the table privileges the app needs, never UPDATE, DELETE or
 * TRUNCATE on the audit log; nothing is granted to PUBLIC.
 */
export const APP_ROLE = 'ettervern_app';

/**
 * The regional council's group role (migration 0019): SELECT on the aggregate views and nothing else. A
 * region's own login roles are made members of it by the server's administrator.
 */
export const REGION_ROLE = 'ettervern_region';

/**
 * The setting that tells which team the database owner's session is filling (a copy tool moving a team's
 * file to the server). It is read only for roles that are not team members: a member's team always comes
 * from the role → member → team mapping, whatever the member sets.
 */
export const TEAM_SETTING = 'ettervern.team_id';

/**
 * The name migration 0019 gives the first team when it finds rows that predate teams (a database filled
 * before the migration); «Team 1» when the owner did not set it.
 */
export const TEAM_NAME_SETTING = 'ettervern.team_name';

/**
 * Creates a group role (no login) unless the server has it: roles belong to the whole server, not one
 * database, so several Ettervern databases on one server share it.
 */
export async function createServerRole(db: Kysely<unknown>, role: typeof APP_ROLE | typeof REGION_ROLE): Promise<void> {
  await sql
    .raw(
      `do $$ begin
    if not exists (select from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;
  exception when duplicate_object or unique_violation then
    null; -- another database on the server created it at the same moment
  end $$`,
    )
    .execute(db);
}
