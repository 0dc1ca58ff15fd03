/** The code of a pg or network error (SQLSTATE such as 23505, or ECONNREFUSED), never its text. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL's SQLSTATE for a wrong password or an unknown role: said as such, not as a failed query. */
const LOGIN_REFUSED = new Set(['28P01', '28000']);

/**
 * A refused login or a server that cannot be reached, in Norwegian (with the code, never the server's text);
 * null for any other error. Shared by everything that connects to a server.
 */
export function connectionFailureMessage(error: unknown): string | null {
  const code = errorCode(error);
  if (code && LOGIN_REFUSED.has(code)) return `Databaseserveren avviste innloggingen: feil brukernavn eller passord (${code}).`;
  if (code && /^E[A-Z]+$/.test(code)) return `Fikk ikke kontakt med databaseserveren (${code}).`;
  return null;
}
