import { openPostgres, PostgresUrlError } from '../db/postgres/connect';
import { connectionFailureMessage, errorCode } from '../db/postgres/connectionFailure';
import { postgresDb, type PostgresDb } from '../db/engine';
import { CliFailure } from './io';

/**
 * Which team a connection reads, by the one rule the server itself applies: the team of the login role
 * (a member's own role; `ettervern_current_team()`), or for the database's owner the team its session names
 * in `ettervern.team_id`. A role in no team would read nothing, and a superuser passes row-level security
 * and would read every team's rows together: both are refused rather than answered with wrong figures.
 */
async function refuseUnlessOneTeam(db: PostgresDb): Promise<void> {
  const result = await db.pool.query<{ team: number | null; bypasses: boolean }>(
    `select ettervern_current_team() as team,
            (select rolsuper or rolbypassrls from pg_roles where rolname = session_user) as bypasses`,
  );
  const { team, bypasses } = result.rows[0]!;
  if (bypasses) {
    throw new CliFailure('En superbruker ser alle teamene på serveren samlet. Logg inn som et teammedlem (med egen pålogging) for teamets tall.');
  }
  if (team === null) {
    throw new CliFailure('Påloggingen hører ikke til noe team på serveren. Logg inn som et teammedlem (med egen pålogging) for teamets tall.');
  }
}

/** A server failure as the user should read it: the code, never the server's text or the address. */
function serverFailure(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error;
  if (error instanceof PostgresUrlError) return new CliFailure(error.message);
  const code = errorCode(error);
  return new CliFailure(connectionFailureMessage(error) ?? `Databaseserveren svarte med en feil${code ? ` (${code})` : ''}.`);
}

/**
 * Opens the database at a checked `postgres://` address (the password in it or in PGPASSWORD) for `work`, as
 * the team its login belongs to, and closes it again whether the work succeeds or not.
 */
export async function withServerTeamDatabase<T>(url: string, work: (db: PostgresDb) => Promise<T>): Promise<T> {
  let connection;
  try {
    connection = openPostgres(url, { max: 2 });
  } catch (error) {
    throw serverFailure(error);
  }
  try {
    const db = postgresDb(connection);
    await refuseUnlessOneTeam(db);
    return await work(db);
  } catch (error) {
    throw serverFailure(error);
  } finally {
    await connection.close();
  }
}
