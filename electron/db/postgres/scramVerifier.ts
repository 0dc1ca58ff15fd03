import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** PostgreSQL's own default iteration count for SCRAM-SHA-256 (scram_iterations). */
const ITERATIONS = 4096;

/** SASLprep's non-ASCII spaces (RFC 3454 table C.1.2), read as an ordinary space. */
const NON_ASCII_SPACES = new Set([0x00a0, 0x1680, ...range(0x2000, 0x200b), 0x202f, 0x205f, 0x3000]);
/** SASLprep's characters «commonly mapped to nothing» (RFC 3454 table B.1): joiners, variation selectors. */
const MAPPED_TO_NOTHING = new Set([0x00ad, 0x034f, 0x1806, 0x180b, 0x180c, 0x180d, 0x200c, 0x200d, 0x2060, ...range(0xfe00, 0xfe0f), 0xfeff]);

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The password as node-postgres and libpq prepare it before signing in (SASLprep's mapping steps, then NFKC). */
function saslPrepared(password: string): string {
  let mapped = '';
  for (const character of password) {
    const code = character.codePointAt(0)!;
    if (MAPPED_TO_NOTHING.has(code)) continue;
    mapped += NON_ASCII_SPACES.has(code) ? ' ' : character;
  }
  return mapped.normalize('NFKC');
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, in pg_authid's format), computed
 * here so the member functions receive a verifier and never the password itself: nothing the server logs or
 * an error repeats can hold it. The password is prepared as the clients prepare it, so the verifier matches
 * what they send when the member signs in.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(saslPrepared(password), salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
