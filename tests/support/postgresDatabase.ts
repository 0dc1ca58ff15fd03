import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';

export interface TestPostgresDatabase extends PostgresConnection {
  /** The superuser's URL for this database. */
  readonly url: string;
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

/**
 * A new empty database on the test server, migrated to the latest schema unless `migrate` is false. Each
 * test file gets its own, so files run in parallel without seeing each other's rows.
 */
export async function freshPostgresDatabase(options: { migrate?: boolean } = {}): Promise<TestPostgresDatabase> {
  const name = `ettervern_test_${randomBytes(6).toString('hex')}`;
  await asServerAdmin(`create database ${name}`);
  const url = withDatabase(inject('postgresAdminUrl'), name);
  const connection = openPostgres(url, { max: 4 });
  if (options.migrate ?? true) await migratePostgres(connection.kysely);
  return {
    ...connection,
    url,
    drop: async () => {
      await connection.close();
      await asServerAdmin(`drop database ${name} with (force)`);
    },
  };
}
