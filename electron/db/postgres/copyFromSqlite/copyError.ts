import { connectionFailureMessage, errorCode } from '../connectionFailure';

/**
 * Why a move to the database server was refused or undone. The message is Norwegian and names tables, never
 * row contents or the server address (which may hold a password); `code` is the server's SQLSTATE or the
 * network error's code when there is one.
 */
export class CopyToServerError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CopyToServerError';
  }
}

/**
 * A server error as the user should read it. A refused login and a server that cannot be reached are told
 * apart from a copy that failed; everything else names where it stopped and that nothing was kept.
 */
export function serverFailure(error: unknown, where: string): CopyToServerError {
  if (error instanceof CopyToServerError) return error;
  const code = errorCode(error);
  const connection = connectionFailureMessage(error);
  if (connection) return new CopyToServerError(`${connection} Ingenting er endret.`, code);
  return new CopyToServerError(`Flyttingen til databaseserveren stoppet ${where}${code ? ` (${code})` : ''}. Ingenting er lagret på serveren.`, code);
}
