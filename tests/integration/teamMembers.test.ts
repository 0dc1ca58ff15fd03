import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { createTestDatabase, FIRST_MEMBER, TEST_PASSWORD, TEST_PASSWORD_COST, versionOf, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
afterEach(() => t.close());

const sessionAudit = () => t.db.sqlite.prepare("select action, actor_id, record_id from audit_log where record_type = 'session' order by id").all();

describe('team members', () => {
  it('a fresh database needs its first member, who becomes administrator without anyone signed in', async () => {
    t = await createTestDatabase({ member: false });
    expect(await t.okAsync('session:get-current', {})).toEqual({ member: null, needsFirstMember: true, locked: false });

    const first = await t.okAsync('team-members:create', { ...FIRST_MEMBER, role: 'teammedlem' });
    expect(first).toMatchObject({ username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator', active: true });
    expect(await t.okAsync('session:get-current', {})).toEqual({ member: null, needsFirstMember: false, locked: false });

    const audit = t.db.sqlite.prepare('select actor_id, action, record_type, record_id, fields from audit_log').all();
    expect(audit).toEqual([
      {
        actor_id: first.id,
        action: 'create',
        record_type: 'team_member',
        record_id: String(first.id),
        fields: '["displayName","initials","password","role","username"]',
      },
    ]);
  });

  it('stores a salted scrypt hash, never the password', async () => {
    t = await createTestDatabase();
    await t.addMember('jonas', 'Jonas Berg', 'JB');
    const hashes = t.db.sqlite.prepare('select password_hash from team_members order by id').all() as { password_hash: string }[];
    expect(hashes).toHaveLength(2);
    for (const { password_hash } of hashes) {
      expect(password_hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(password_hash).not.toContain(TEST_PASSWORD);
    }
    // Same password, different salt, different hash.
    expect(hashes[0]!.password_hash).not.toBe(hashes[1]!.password_hash);
  });

  it('after the first member, only a signed-in administrator can add members', async () => {
    t = await createTestDatabase({ member: false });
    await t.okAsync('team-members:create', { ...FIRST_MEMBER });
    const before = t.counts();
    const jonas = { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', password: TEST_PASSWORD };

    expect(await t.callAsync('team-members:create', jonas)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(t.counts()).toEqual(before);

    await t.signInAs('marit');
    expect((await t.okAsync('team-members:create', jonas)).role).toBe('teammedlem');

    await t.signInAs('jonas');
    const refused = await t.callAsync('team-members:create', { ...jonas, username: 'kari', initials: 'KN' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Bare en administrator kan gjøre dette' } });
  });

  it('refuses a username that is taken, and a short password, naming the field', async () => {
    t = await createTestDatabase();
    const before = t.counts();
    const taken = await t.callAsync('team-members:create', { username: 'marit', displayName: 'Marit Annen', initials: 'MA', password: TEST_PASSWORD });
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Brukernavnet er allerede i bruk', fieldErrors: { username: 'Brukernavnet er allerede i bruk' } },
    });
    const short = await t.callAsync('team-members:create', { username: 'kari', displayName: 'Kari', initials: 'KN', password: 'kort' });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { password: 'Passordet må ha minst 10 tegn' } } });
    expect(t.counts()).toEqual(before);
  });

  it('trims names and lists members in Norwegian order', async () => {
    t = await createTestDatabase();
    await t.addMember('aase', 'Aase Ås', 'AÅ');
    await t.addMember('orjan', '  Ørjan Nilsen ', 'ØN');
    await t.addMember('aron', 'Aron Zahl', 'AZ');
    await t.addMember('zara', 'zara Lie', 'ZL');
    const names = (await t.okAsync('team-members:list', {})).map((m) => m.displayName);
    expect(names).toEqual(['Aron Zahl', 'Marit Solvang', 'zara Lie', 'Ørjan Nilsen', 'Aase Ås']);
  });

  it('edits name, initials and role, auditing only the changed field names', async () => {
    t = await createTestDatabase();
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    const updated = await t.okAsync('team-members:update', {
      id: jonas.id,
      version: jonas.version,
      displayName: 'Jonas Berg-Hansen',
      initials: 'JB',
      role: 'administrator',
    });
    expect(updated).toMatchObject({ displayName: 'Jonas Berg-Hansen', role: 'administrator' });
    const row = t.db.sqlite.prepare("select fields from audit_log where action = 'update' order by id desc limit 1").get();
    expect(row).toEqual({ fields: '["displayName","role"]' });
  });

  it('keeps at least one active administrator', async () => {
    t = await createTestDatabase();
    const before = t.counts();
    const demote = await t.callAsync('team-members:update', {
      id: t.member!.id,
      version: versionOf(t, 'team_members', t.member!.id),
      displayName: 'Marit Solvang',
      initials: 'MS',
      role: 'teammedlem',
    });
    expect(demote).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { role: 'Teamet må ha minst én aktiv administrator' } } });
    const self = await t.callAsync('team-members:set-active', { id: t.member!.id, version: versionOf(t, 'team_members', t.member!.id), active: false });
    expect(self).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.counts()).toEqual(before);
  });
});

describe('signing in', () => {
  it('signs in with the right password, refuses a wrong one, an unknown user and an empty password alike', async () => {
    t = await createTestDatabase();
    await t.okAsync('session:sign-out', {});
    expect(t.dispatcher.session.actor).toBeNull();

    const wrong = await t.callAsync('session:sign-in', { username: 'marit', password: 'feil-passord' });
    const unknown = await t.callAsync('session:sign-in', { username: 'nobody', password: TEST_PASSWORD });
    for (const refused of [wrong, unknown]) {
      expect(refused).toEqual({
        ok: false,
        error: { code: 'unauthenticated', message: 'Feil brukernavn eller passord', fieldErrors: { password: 'Feil brukernavn eller passord' } },
      });
    }
    expect(await t.callAsync('session:sign-in', { username: 'marit', password: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(t.dispatcher.session.actor).toBeNull();

    const session = await t.okAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD });
    expect(session).toMatchObject({ member: { username: 'marit' }, locked: false });
    // The failure is in the log, named by member id only.
    expect(sessionAudit()).toEqual([
      { action: 'sign-in', actor_id: t.member!.id, record_id: String(t.member!.id) },
      { action: 'sign-out', actor_id: t.member!.id, record_id: String(t.member!.id) },
      { action: 'sign-in-failed', actor_id: null, record_id: String(t.member!.id) },
      { action: 'sign-in', actor_id: t.member!.id, record_id: String(t.member!.id) },
    ]);
  });

  it('slows down after three wrong passwords and locks the account after five, counted across restarts', async () => {
    t = await createTestDatabase();
    await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.okAsync('session:sign-out', {});
    const attempt = (password: string, at: string) => {
      t.dispatcher.session.actor = null;
      return signInAt(at, password);
    };
    // Five wrong passwords, each after the required wait.
    expect(await attempt('feil-1', '2020-06-15T10:00:00Z')).toMatchObject({ ok: false, error: { message: 'Feil brukernavn eller passord' } });
    expect(await attempt('feil-2', '2020-06-15T10:00:01Z')).toMatchObject({ ok: false, error: { message: 'Feil brukernavn eller passord' } });
    expect(await attempt('feil-3', '2020-06-15T10:00:02Z')).toMatchObject({ ok: false, error: { message: 'Feil brukernavn eller passord' } });
    // Now a wait: even the right password is not checked for 30 seconds.
    expect(await attempt(TEST_PASSWORD, '2020-06-15T10:00:10Z')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'For mange feil passord på rad. Vent 22 sekunder og prøv igjen.' },
    });
    expect(await attempt('feil-4', '2020-06-15T10:00:40Z')).toMatchObject({ ok: false });
    expect(await attempt('feil-5', '2020-06-15T10:01:20Z')).toMatchObject({ ok: false });
    // Locked for 15 minutes after the fifth.
    expect(await attempt(TEST_PASSWORD, '2020-06-15T10:10:00Z')).toMatchObject({
      ok: false,
      error: { message: 'For mange feil passord. Kontoen er låst i 7 minutter, eller til en administrator setter nytt passord.' },
    });
    expect(t.db.sqlite.prepare("select failed_sign_ins from team_members where username = 'jonas'").get()).toEqual({ failed_sign_ins: 5 });
    // After the lock, the right password works and clears the count.
    expect(await attempt(TEST_PASSWORD, '2020-06-15T10:16:21Z')).toMatchObject({ ok: true });
    expect(t.db.sqlite.prepare("select failed_sign_ins, last_failed_sign_in_at from team_members where username = 'jonas'").get()).toEqual({
      failed_sign_ins: 0,
      last_failed_sign_in_at: null,
    });
  });

  it('an administrator setting a new password lifts the lock', async () => {
    t = await createTestDatabase();
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    for (let i = 0; i < 5; i++) await signInAt(`2020-06-15T10:0${i}:00Z`, 'feil-passord');
    expect(await signInAt('2020-06-15T10:06:00Z', TEST_PASSWORD)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/låst/) } });
    await signInAt('2020-06-15T10:06:00Z', TEST_PASSWORD, 'marit');
    expect(t.dispatcher.session.actor?.username).toBe('marit');
    await t.okAsync('team-members:set-password', { id: jonas.id, password: 'nytt-og-langt-passord' });
    expect(await signInAt('2020-06-15T10:07:00Z', 'nytt-og-langt-passord')).toMatchObject({ ok: true, value: { member: { username: 'jonas' } } });
  });

  it('a deactivated member cannot sign in, cannot go on writing, and is never deleted', async () => {
    t = await createTestDatabase();
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.signInAs('jonas');
    await t.signInAs('marit');
    await t.okAsync('team-members:set-active', { id: jonas.id, version: versionOf(t, 'team_members', jonas.id), active: false });
    expect((await t.okAsync('team-members:list', {})).map((m) => m.username)).toEqual(['marit']);
    expect((await t.okAsync('team-members:list', { includeInactive: true })).map((m) => m.username).sort()).toEqual(['jonas', 'marit']);

    await t.okAsync('session:sign-out', {});
    expect(await t.callAsync('session:sign-in', { username: 'jonas', password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'Feil brukernavn eller passord' },
    });

    // Signed in before the deactivation: the next write is refused.
    await t.okAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD });
    await t.okAsync('team-members:set-active', { id: jonas.id, version: versionOf(t, 'team_members', jonas.id), active: true });
    await t.signInAs('jonas');
    t.db.sqlite.prepare('update team_members set active = 0 where id = ?').run(jonas.id);
    const write = await t.callAsync('session:lock', {});
    expect(write).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Brukeren er deaktivert. Logg inn på nytt.' } });
    expect(t.count('team_members')).toBe(2);
    const actions = t.db.sqlite.prepare("select action from audit_log where record_type = 'team_member' and record_id = ? order by id").all(String(jonas.id));
    expect(actions).toEqual([{ action: 'create' }, { action: 'deactivate' }, { action: 'reactivate' }]);
  });

  it('changes the own password after checking the current one', async () => {
    t = await createTestDatabase();
    const wrong = await t.callAsync('session:change-password', { currentPassword: 'feil-passord', newPassword: 'nytt-og-langt-passord' });
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { currentPassword: 'Feil passord' } } });
    await t.okAsync('session:change-password', { currentPassword: TEST_PASSWORD, newPassword: 'nytt-og-langt-passord' });
    await t.okAsync('session:sign-out', {});
    expect((await t.callAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD })).ok).toBe(false);
    expect((await t.callAsync('session:sign-in', { username: 'marit', password: 'nytt-og-langt-passord' })).ok).toBe(true);
  });
});

/** A sign-in attempt as jonas (or `username`) at a given moment, through a dispatcher with that clock. */
function signInAt(at: string, password: string, username = 'jonas') {
  return withClock(at).dispatchAsync('session:sign-in', { username, password });
}

function withClock(at: string) {
  return createDispatcher({ db: t.db, clock: fixedClock(at), session: t.dispatcher.session, passwordCost: TEST_PASSWORD_COST });
}
