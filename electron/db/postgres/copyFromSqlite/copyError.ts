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

/** The code of a pg or network error (SQLSTATE such as 23505, or ECONNREFUSED), never its text. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL's SQLSTATE for a wrong password or an unknown role: said as such, not as a failed copy. */
const LOGIN_REFUSED = new Set(['28P01', '28000']);

/**
 * A refused login or a server that cannot be reached, in Norwegian (with the code, never the server's text);
 * null for any other error. Shared by every command that connects to a server.
 */
export function connectionFailureMessage(error: unknown): string | null {
  const code = errorCode(error);
  if (code && LOGIN_REFUSED.has(code)) return `Databaseserveren avviste innloggingen: feil brukernavn eller passord (${code}).`;
  if (code && /^E[A-Z]+$/.test(code)) return `Fikk ikke kontakt med databaseserveren (${code}).`;
  return null;
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
