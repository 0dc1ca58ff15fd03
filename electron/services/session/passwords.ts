import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost. Stored with every hash, so the default can be raised later without locking anyone out:
 * a hash made with an older cost still verifies, and is re-hashed at the next successful sign-in.
 */
export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** OWASP's recommendation for scrypt (2^17, 8, 1): about 128 MiB and a few hundred ms per attempt. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 64;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Buffer {
  // Node refuses anything above 32 MiB by default; allow the cost's own need with headroom.
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. A fresh random salt per hash. */
export function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scrypt(password, salt, cost);
  return [PREFIX, cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function parseStoredHash(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64'), hash: Buffer.from(parts[5]!, 'base64') };
}

/** Compares in constant time; a malformed stored value never matches. */
export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const candidate = scrypt(password, parsed.salt, parsed.cost);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** True when the stored hash was made with a lower cost than the one now asked for. */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const parsed = parseStoredHash(stored);
  return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

const standIns = new Map<string, string>();

/**
 * A hash of a random password with the given cost, made once per cost: checking a password for an
 * unknown username against it takes the same path and time as a real check (parse, scrypt, compare),
 * so the answer's timing does not tell which usernames exist.
 */
export function standInHash(cost: ScryptCost): string {
  const key = `${cost.N}$${cost.r}$${cost.p}`;
  let hash = standIns.get(key);
  if (!hash) {
    hash = hashPassword(randomBytes(24).toString('base64'), cost);
    standIns.set(key, hash);
  }
  return hash;
}
