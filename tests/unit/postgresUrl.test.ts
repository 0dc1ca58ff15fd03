import { describe, expect, it } from 'vitest';
import { checkPostgresUrl, openPostgres, parseExactNumber, PostgresUrlError } from '../../electron/db/postgres/connect';

describe('checkPostgresUrl', () => {
  it.each([
    'postgres://ole:hemmelig@127.0.0.1:5432/ettervern',
    'postgresql://localhost/ettervern',
    'postgres://ole@[::1]:6543/ettervern',
    'postgres://127.8.0.1/db',
  ])('accepts the loopback URL %s without TLS', (url) => {
    expect(() => checkPostgresUrl(url)).not.toThrow();
  });

  it.each(['sslmode=require', 'sslmode=verify-ca', 'sslmode=verify-full'])('accepts a server on the network with %s', (mode) => {
    expect(() => checkPostgresUrl(`postgres://ole:hemmelig@db.kommune.no/ettervern?${mode}`)).not.toThrow();
  });

  it.each(['', '?sslmode=disable', '?sslmode=prefer', '?sslmode=allow'])('refuses a server on the network without required TLS (%s)', (query) => {
    const url = `postgres://ole:hemmelig@10.0.0.5/ettervern${query}`;
    expect(() => checkPostgresUrl(url)).toThrow(PostgresUrlError);
    expect(() => checkPostgresUrl(url)).toThrow(/krever kryptering.*sslmode=verify-full/);
  });

  it('treats a name that merely starts like loopback as a network host', () => {
    expect(() => checkPostgresUrl('postgres://localhost.example.no/ettervern')).toThrow(/krever kryptering/);
    expect(() => checkPostgresUrl('postgres://127.0.0.1.example.no/ettervern')).toThrow(/krever kryptering/);
  });

  it('refuses a host parameter that would send the connection elsewhere than the checked host', () => {
    expect(() => checkPostgresUrl('postgres://localhost/ettervern?host=10.0.0.5')).toThrow(/host-parameter/);
  });

  it('refuses URLs that are not postgres:// addresses, in Norwegian', () => {
    expect(() => checkPostgresUrl('ikke en adresse')).toThrow(/ikke en gyldig postgres:\/\/-adresse/);
    expect(() => checkPostgresUrl('mysql://localhost/ettervern')).toThrow(/må begynne med postgres:\/\//);
    expect(() => checkPostgresUrl('postgres://localhost/')).toThrow(/mangler databasenavn/);
  });

  it('never repeats the URL (or its password) in the error', () => {
    try {
      checkPostgresUrl('postgres://ole:SuperHemmelig@10.0.0.5/ettervern');
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toMatch(/SuperHemmelig|10\.0\.0\.5|ole/);
    }
  });

  it('is checked before a pool is made: openPostgres refuses the same URLs', () => {
    expect(() => openPostgres('postgres://ole:hemmelig@10.0.0.5/ettervern')).toThrow(PostgresUrlError);
  });
});

describe('parseExactNumber', () => {
  it('reads whole numbers and fractions', () => {
    expect(parseExactNumber('42')).toBe(42);
    expect(parseExactNumber('-7')).toBe(-7);
    expect(parseExactNumber('2.5000000000000000')).toBe(2.5);
  });

  it('refuses a whole number past 2^53 rather than rounding it', () => {
    expect(parseExactNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseExactNumber('9007199254740993')).toThrow(RangeError);
  });
});
