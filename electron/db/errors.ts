/** Errors from opening a database. Messages are Norwegian and name no personal data. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: 'newer-version' | 'migration-failed' | 'not-a-database' | 'others-present',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * The server kept refusing a write transaction because colleagues' transactions changed the same rows at
 * the same time (serialization failure or deadlock), even after it was run again a few times. Nothing was saved.
 */
export class TransactionConflictError extends Error {
  constructor(
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(`Databasen var opptatt med andres lagringer, og endringen gikk ikke gjennom etter ${attempts} forsøk. Ingenting ble lagret. Prøv igjen.`, options);
    this.name = 'TransactionConflictError';
  }
}

/** Which kind of constraint a failed statement broke, from SQLite's extended codes or PostgreSQL's SQLSTATEs. */
export type BrokenConstraint = 'unique' | 'foreign-key' | 'check' | 'not-null';

const SQLITE_CONSTRAINTS: Record<string, BrokenConstraint> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign-key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not-null',
};

const POSTGRES_CONSTRAINTS: Record<string, BrokenConstraint> = { '23505': 'unique', '23503': 'foreign-key', '23514': 'check', '23502': 'not-null' };

/**
 * The constraint `error` reports as broken, on either engine, or null for any other error: so a service maps
 * a duplicate to the same Norwegian message whichever engine refused it.
 */
export function brokenConstraint(error: unknown): BrokenConstraint | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  return SQLITE_CONSTRAINTS[code] ?? POSTGRES_CONSTRAINTS[code] ?? null;
}
