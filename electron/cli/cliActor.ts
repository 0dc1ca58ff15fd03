import type { AppDatabase } from '../db/open';
import type { Actor } from '../services/context';
import { CliFailure } from './io';

/**
 * Whom a batch command acts as (the audit log names them): `--actor USERNAME`, or else the first active
 * administrator. Someone who can run the command line on the database file is trusted as much as the
 * app itself, so no password is asked here; the app's sign-in is not involved.
 */
export function cliActor(db: AppDatabase, username: string | undefined): Actor {
  const row = (
    username === undefined
      ? db.sqlite.prepare("select id, username, role from team_members where active = 1 and role = 'administrator' order by id limit 1").get()
      : db.sqlite.prepare('select id, username, role from team_members where active = 1 and username = ?').get(username)
  ) as Actor | undefined;
  if (!row) {
    throw new CliFailure(username === undefined ? 'Databasen har ingen aktiv administrator. Oppgi --actor BRUKERNAVN.' : 'Fant ikke et aktivt teammedlem med det brukernavnet.');
  }
  return row;
}
