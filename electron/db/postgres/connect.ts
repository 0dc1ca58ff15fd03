import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../schema';

/** A server URL that cannot be used; the message is Norwegian and never repeats the URL (it may hold a password). */
export class PostgresUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresUrlError';
  }
}

/** The `sslmode` values under which pg refuses to talk to the server without TLS. */
const TLS_MODES = new Set(['require', 'verify-ca', 'verify-full']);

/**
 * Checks a `postgres://` URL before anything connects: the scheme, a host, a database, and TLS for every host
 * that is not this machine's loopback — the traffic carries health data and passwords, so it never crosses a
 * network in clear.
 */
export function checkPostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PostgresUrlError('Adressen til databaseserveren er ikke en gyldig postgres://-adresse.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new PostgresUrlError('Adressen til databaseserveren må begynne med postgres://.');
  }
  if (parsed.hostname === '') throw new PostgresUrlError('Adressen til databaseserveren mangler vertsnavn.');
  if (parsed.pathname.replace(/^\//, '') === '') throw new PostgresUrlError('Adressen til databaseserveren mangler databasenavn.');
  // A host= parameter would override the host checked here (pg reads it after the authority).
  if (parsed.searchParams.has('host') || parsed.searchParams.has('hostaddr')) {
    throw new PostgresUrlError('Oppgi databaseserveren i adressen selv, ikke som host-parameter.');
  }
  if (!isLoopback(parsed.hostname) && !TLS_MODES.has(parsed.searchParams.get('sslmode') ?? '')) {
    throw new PostgresUrlError(
      'Tilkobling til en databaseserver på nettverket krever kryptering: legg til sslmode=verify-full (eller sslmode=require) i adressen.',
    );
  }
  return parsed;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * PostgreSQL returns `count(*)` and `sum(integer)` as int8 and `sum(bigint)` as numeric, which pg hands over as
 * strings (JavaScript numbers cannot hold every int8). Ettervern's counts and minutes are far below 2^53, and
 * the services expect numbers as SQLite gives them, so both are parsed to numbers; a whole number too large
 * to hold exactly is refused rather than rounded. Set per pool, not on pg's global parsers, so nothing else changes.
 */
function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID || oid === NUMERIC_OID) return parseExactNumber;
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

export function parseExactNumber(value: string): number {
  const number = Number(value);
  // Fractions (an average) round as SQLite's real does; a whole number past 2^53 would silently change.
  if (Number.isInteger(number) && !Number.isSafeInteger(number)) throw new RangeError('Et tall fra databaseserveren er for stort til å leses nøyaktig.');
  return number;
}

export interface PostgresConnection {
  readonly kysely: Kysely<DB>;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a connection pool and a Kysely instance on it for a checked `postgres://` URL. */
export function openPostgres(url: string, options: { max?: number } = {}): PostgresConnection {
  checkPostgresUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types: { getTypeParser: typeParser } as pg.CustomTypesConfig });
  // An idle client that loses its server emits 'error' on the pool; unheard, Node would end the process.
  // The next query on a new client then fails with the connection's code, which the caller reports.
  pool.on('error', () => undefined);
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const close = async (): Promise<void> => {
    await kysely.destroy();
    // Kysely ends the pool only when it has used it; one used only directly (pool.query, a copy's client) is ended here.
    if (!pool.ending) await pool.end();
  };
  return { kysely, pool, close };
}
