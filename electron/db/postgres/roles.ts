/**
 * The server role every member's own login role will belong to. Migration 0001 creates it (once per server:
 * roles are not per database) and gives it the table privileges the app needs, never UPDATE, DELETE or
 * TRUNCATE on the audit log; nothing is granted to PUBLIC.
 */
export const APP_ROLE = 'ettervern_app';
