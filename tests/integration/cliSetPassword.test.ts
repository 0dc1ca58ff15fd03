import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { verifyChain, type ChainedAuditRow } from '../../electron/db/auditChain';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** `set-password`: the way in for a database whose members have no password (made before passwords existed). */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  await t.addMember('jonas', 'Jonas Berg', 'JB');
  // As a database upgraded from the version without passwords: nobody has one.
  t.db.sqlite.prepare('update team_members set password_hash = null').run();
  await t.okAsync('session:sign-out', {});
});
afterEach(() => {
  delete process.env[PASSWORD_ENV];
  t.close();
});

async function setPassword(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await runCli(['set-password', ...args], { out: (s) => (out += s), err: (s) => (err += s), now: () => new Date() });
  return { status, out, err };
}

describe('set-password', () => {
  it('sets the password from the environment; the member signs in with it and the change is audited without an actor', async () => {
    const newPassword = 'et-nytt-og-langt-passord';
    expect(await t.callAsync('session:sign-in', { username: 'jonas', password: newPassword })).toMatchObject({ ok: false });
    process.env[PASSWORD_ENV] = newPassword;
    const run = await setPassword('--db', t.path, '--user', 'jonas');
    expect(run).toMatchObject({ status: 0, err: 'Passordet er satt for jonas.' });
    expect(run.err + run.out).not.toContain(newPassword);

    expect(await t.callAsync('session:sign-in', { username: 'jonas', password: newPassword })).toMatchObject({ ok: true });
    const last = t.db.sqlite.prepare('select actor_id, action, record_type, fields from audit_log where action = ? order by id desc').get('password-change');
    expect(last).toEqual({ actor_id: null, action: 'password-change', record_type: 'team_member', fields: '["password"]' });
    expect(verifyChain(t.db.sqlite.prepare('select * from audit_log order by id').all() as ChainedAuditRow[]).ok).toBe(true);
    expect(await t.callAsync('session:sign-in', { username: 'marit', password: newPassword })).toMatchObject({ ok: false });
  });

  it('refuses a missing or short password and an unknown member, changing nothing', async () => {
    const before = t.counts();
    expect(await setPassword('--db', t.path, '--user', 'jonas')).toMatchObject({ status: 1, err: `Sett det nye passordet i miljøvariabelen ${PASSWORD_ENV}` });
    process.env[PASSWORD_ENV] = 'kort';
    expect(await setPassword('--db', t.path, '--user', 'jonas')).toMatchObject({ status: 1, err: 'Passordet må ha minst 10 tegn' });
    process.env[PASSWORD_ENV] = 'et-nytt-og-langt-passord';
    expect(await setPassword('--db', t.path, '--user', 'ukjent')).toMatchObject({ status: 1, err: 'Fant ikke noe teammedlem med det brukernavnet' });
    expect((await setPassword('--db', t.path)).status).toBe(2);
    expect(t.counts()).toEqual(before);
    expect(t.db.sqlite.prepare('select count(*) as n from team_members where password_hash is not null').get()).toEqual({ n: 0 });
  });
});
