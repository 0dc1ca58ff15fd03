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
