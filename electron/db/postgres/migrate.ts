import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { DatabaseOpenError } from '../errors';
import { POSTGRES_MIGRATIONS } from './migrations';

/**
 * Brings a PostgreSQL database to the latest schema through Kysely's Migrator, which on PostgreSQL runs the
 * whole batch in one transaction (DDL is transactional there) and takes a lock table, so two instances
 * starting at once do not both migrate. A failure leaves nothing changed.
 */
export async function migratePostgres(kysely: Kysely<any>, migrations = POSTGRES_MIGRATIONS): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'ukjent';
    throw new DatabaseOpenError('migration-failed', `Oppgradering av databasen feilet (${failed}). Ingenting er endret.`, { cause: error });
  }
}
