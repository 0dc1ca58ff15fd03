/**
 * Several teams on one PostgreSQL database (migration 0019): what is shared by every team, and what exists on
 * PostgreSQL only. A SQLite file is one team and has none of it; the schema parity test subtracts exactly
 * these lists from the PostgreSQL side, so anything else that differs between the engines still fails it.
 */

/**
 * Tables every team reads and none owns: no `team_id`, no row-level security, and read-only for the app's
 * role. Every other table is a team table (derived from the catalog, so a new table is a team table unless
 * it is named here).
 */
export const SHARED_TABLES: Readonly<Record<string, string>> = {
  municipalities: 'reference data the schema seeds, the same for every team; no channel writes it, so the app role only reads it',
  categories: 'reference data the schema seeds, the same for every team; no channel writes it, so the app role only reads it',
};

/** Tables on PostgreSQL only, with the reason. */
export const POSTGRES_ONLY_TABLES: Readonly<Record<string, string>> = {
  teams: 'the teams sharing the database; a member reads only its own team',
  team_member_roles: 'which login role is which team member, and so which team; read only by the server’s own functions',
};

/** Views on PostgreSQL only (SQLite has none): the region's aggregate figures, the only thing its role may read. */
export const REGION_VIEWS = ['region_hours', 'region_cases'] as const;

/** The column every team table has on PostgreSQL only: the team the row belongs to. */
export const TEAM_COLUMN = 'team_id';

/** Other columns on PostgreSQL only, per table, with the reason. */
export const POSTGRES_ONLY_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  audit_log: { db_role: 'the login role that wrote the row, set by the server whatever the client sends' },
};

/** Triggers on PostgreSQL only, with the reason. */
export const POSTGRES_ONLY_TRIGGERS: Readonly<Record<string, string>> = {
  audit_log_no_truncate: 'TRUNCATE fires no row trigger, so the append-only log needs its own (SQLite has no TRUNCATE)',
  audit_log_records_db_role: 'writes the signing-in role into audit_log.db_role, overriding any value the client sent',
};

/**
 * Unique keys that stay unique over the whole database instead of per team. Every other key of a team table
 * without a row id or a reference to another team's row gets the team in front of it (two teams may both
 * have case 01/24-ST, a setting «idle-minutes» or the year 2024's budget).
 */
export const SERVER_WIDE_KEYS: Readonly<Record<string, string>> = {
  team_members_username_key: 'a user name is also the member’s login role, and roles are server-wide',
};
