import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '@shared/contract';
import { DEFAULT_SCRYPT_COST, hashPassword, parseStoredHash, verifyPassword } from '../../electron/services/session/passwords';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('screen lock', () => {
  it('refuses every channel but unlock, sign-out and the session status while locked, and writes nothing', async () => {
    await t.okAsync('session:lock', {});
    expect(await t.okAsync('session:get-current', {})).toMatchObject({ member: { username: 'marit' }, locked: true });
    const before = t.counts();
    const open = new Set(['session:get-current', 'session:unlock', 'session:sign-out']);
    for (const channel of CHANNEL_NAMES.filter((name) => !open.has(name))) {
      const result = t.raw(channel, {});
      // Refused before validation: a locked screen answers nothing about the data, not even what is wrong with a payload.
      expect(result, channel).toEqual({ ok: false, error: { code: 'locked', message: 'Skjermen er låst. Logg inn igjen for å fortsette.', fieldErrors: {} } });
    }
    expect(t.counts()).toEqual(before);
  });

  it('opens only with the same member’s password', async () => {
    await t.okAsync('session:lock', {});
    expect(await t.callAsync('session:unlock', { password: 'feil-passord' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', fieldErrors: { password: 'Feil passord' } },
    });
    expect((await t.okAsync('session:get-current', {})).locked).toBe(true);
    expect(await t.okAsync('session:unlock', { password: TEST_PASSWORD })).toMatchObject({ locked: false, member: { username: 'marit' } });
    expect(t.ok('cases:list', {})).toEqual([]);
  });

  it('lets someone else sign in after signing the locked member out', async () => {
    await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.okAsync('session:lock', {});
    expect(await t.okAsync('session:sign-out', {})).toMatchObject({ member: null, locked: false });
    await t.okAsync('session:sign-in', { username: 'jonas', password: TEST_PASSWORD });
    expect(await t.okAsync('session:get-current', {})).toMatchObject({ member: { username: 'jonas' }, locked: false });
  });
});

describe('password hashing', () => {
  it('uses scrypt N=2^17, r=8, p=1 by default, and verifies with the cost stored in the hash', () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = hashPassword('en lang passordsetning');
    expect(parseStoredHash(stored)?.cost).toEqual(DEFAULT_SCRYPT_COST);
    expect(parseStoredHash(stored)?.salt).toHaveLength(16);
    expect(verifyPassword('en lang passordsetning', stored)).toBe(true);
    expect(verifyPassword('en lang passordsetninG', stored)).toBe(false);
    expect(verifyPassword('x', 'ikke-en-hash')).toBe(false);
  });
});
