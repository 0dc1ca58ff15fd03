import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';
import { TEAM_SETTING } from '../../electron/db/postgres/roles';

export interface TestPostgresDatabase extends PostgresConnection {
  /** The superuser's URL for this database (filling `team`, when there is one). */
  readonly url: string;
  /** The team the superuser's rows go into (migration 0019), made with the schema's defaults; null when not migrated. */
  readonly team: number | null;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A URL like `url` for another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Runs one statement as the server's superuser on its `postgres` database. */
export async function asServerAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The same URL signed in as another role. */
export function asRole(url: string, role: string, password: string): string {
  const next = new URL(url);
  next.username = role;
  next.password = password;
  return next.toString();
}

/**
 * A new empty database on the test server, migrated to the latest schema unless `migrate` is false. Each
 * test file gets its own, so files run in parallel without seeing each other's rows. A migrated one has a
 * team, and the superuser's connections say they are filling it (as a copy tool does), so rows written as
 * the owner belong to it.
 */
export async function freshPostgresDatabase(options: { migrate?: boolean } = {}): Promise<TestPostgresDatabase> {
  const name = `ettervern_test_${randomBytes(6).toString('hex')}`;
  await asServerAdmin(`create database ${name}`);
  const ownerUrl = withDatabase(inject('postgresAdminUrl'), name);
  let connection = openPostgres(ownerUrl, { max: 4 });
  let url = ownerUrl;
  let team: number | null = null;
  if (options.migrate ?? true) {
    await migratePostgres(connection.kysely);
    const created = await connection.pool.query<{ id: number }>(`select ettervern_create_team($1) as id`, [`Testteam ${name}`]);
    team = created.rows[0]!.id;
    await connection.close();
    const filling = new URL(ownerUrl);
    filling.searchParams.set('options', `-c ${TEAM_SETTING}=${team}`);
    url = filling.toString();
    connection = openPostgres(url, { max: 4 });
  }
  const open = connection;
  return {
    ...open,
    url,
    team,
    drop: async () => {
      await open.close();
      await asServerAdmin(`drop database ${name} with (force)`);
    },
  };
}
