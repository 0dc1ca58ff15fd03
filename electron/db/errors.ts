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
