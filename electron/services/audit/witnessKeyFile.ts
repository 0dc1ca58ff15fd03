import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hmacKey, type WitnessKey } from './witness';

/** Encrypts the key at rest with the operating system's key store (Electron's safeStorage in the app). */
export interface KeyProtector {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

const KEY_FILE = 'revisjonsvitne.key';
const PROTECTED_KEY_FILE = 'revisjonsvitne.key.beskyttet';

function readOrCreate(file: string, create: () => Buffer): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  const content = create();
  try {
    // `wx`: never replaces a key another process just made, and never follows a planted symlink.
    writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
    return content;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return readFileSync(file);
    throw error;
  }
}

/**
 * The command line's key: 32 random bytes in a file only this user may read (0600). Anyone who can read
 * it can sign a witness for this PC; the README says so.
 */
export function keyFromFile(userDataDir: string): WitnessKey {
  mkdirSync(userDataDir, { recursive: true });
  const file = join(userDataDir, KEY_FILE);
  const secret = readOrCreate(file, () => Buffer.from(randomBytes(32).toString('hex'), 'utf8'));
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return hmacKey(Buffer.from(secret.toString('utf8').trim(), 'hex'));
}

/** The app's key, stored encrypted by the operating system (DPAPI on Windows) through `protector`. */
export function keyFromProtectedFile(userDataDir: string, protector: KeyProtector): WitnessKey {
  mkdirSync(userDataDir, { recursive: true });
  const file = join(userDataDir, PROTECTED_KEY_FILE);
  const sealed = readOrCreate(file, () => protector.encrypt(randomBytes(32).toString('hex')));
  return hmacKey(Buffer.from(protector.decrypt(sealed).trim(), 'hex'));
}
