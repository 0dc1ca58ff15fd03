import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, FIRST_MEMBER, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
afterEach(() => t.close());

describe('team members and session', () => {
  it('a fresh database needs its first member, who becomes administrator without anyone signed in', async () => {
    t = await createTestDatabase({ member: false });
    expect(t.ok('session:get-current', {})).toEqual({ member: null, needsFirstMember: true });

    const first = t.ok('team-members:create', { ...FIRST_MEMBER, role: 'teammedlem' });
    expect(first).toMatchObject({ username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator', active: true });
    expect(t.ok('session:get-current', {})).toEqual({ member: null, needsFirstMember: false });

    const audit = t.db.sqlite.prepare('select actor_id, action, record_type, record_id from audit_log').all();
    expect(audit).toEqual([{ actor_id: first.id, action: 'create', record_type: 'team_member', record_id: String(first.id) }]);
  });

  it('after the first member, creating a member needs someone signed in', async () => {
    t = await createTestDatabase({ member: false });
    t.ok('team-members:create', { ...FIRST_MEMBER });
    const before = t.counts();

    const refused = t.call('team-members:create', { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(t.counts()).toEqual(before);

    t.ok('session:sign-in', { username: 'marit' });
    const second = t.ok('team-members:create', { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB' });
    expect(second.role).toBe('teammedlem');
  });

  it('refuses a username that is taken, naming the field', async () => {
    t = await createTestDatabase();
    const before = t.counts();
    const result = t.call('team-members:create', { username: 'marit', displayName: 'Marit Annen', initials: 'MA' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).toBe('Brukernavnet er allerede i bruk');
    expect(result.error.fieldErrors).toEqual({ username: 'Brukernavnet er allerede i bruk' });
    expect(t.counts()).toEqual(before);
  });

  it('trims names and lists members in Norwegian order', async () => {
    t = await createTestDatabase();
    t.addMember('aase', 'Aase Ås', 'AÅ');
    t.addMember('orjan', '  Ørjan Nilsen ', 'ØN');
    t.addMember('aron', 'Aron Zahl', 'AZ');
    t.addMember('zara', 'zara Lie', 'ZL');
    const names = t.ok('team-members:list', {}).map((m) => m.displayName);
    expect(names).toEqual(['Aron Zahl', 'Marit Solvang', 'zara Lie', 'Ørjan Nilsen', 'Aase Ås']);
  });

  it('hides inactive members unless asked', async () => {
    t = await createTestDatabase();
    const jonas = t.addMember('jonas', 'Jonas Berg', 'JB');
    t.db.sqlite.prepare('update team_members set active = 0 where id = ?').run(jonas.id);
    expect(t.ok('team-members:list', {}).map((m) => m.username)).toEqual(['marit']);
    expect(t.ok('team-members:list', { includeInactive: true }).map((m) => m.username).sort()).toEqual(['jonas', 'marit']);
  });

  it('signs in, signs out, and refuses an unknown or inactive member', async () => {
    t = await createTestDatabase();
    expect(t.ok('session:get-current', {}).member?.username).toBe('marit');

    const signedOut = t.ok('session:sign-out', {});
    expect(signedOut.member).toBeNull();
    expect(t.dispatcher.session.actor).toBeNull();

    const unknown = t.call('session:sign-in', { username: 'nobody' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unauthenticated', fieldErrors: { username: expect.any(String) } } });

    t.ok('session:sign-in', { username: 'marit' });
    const member = t.addMember('jonas', 'Jonas Berg', 'JB');
    t.db.sqlite.prepare('update team_members set active = 0 where id = ?').run(member.id);
    expect(t.call('session:sign-in', { username: 'jonas' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(t.dispatcher.session.actor?.username).toBe('marit');
  });

  it('audits sign-in and sign-out', async () => {
    t = await createTestDatabase();
    t.ok('session:sign-out', {});
    const rows = t.db.sqlite.prepare("select action, actor_id, record_id from audit_log where record_type = 'session' order by id").all();
    expect(rows).toEqual([
      { action: 'sign-in', actor_id: t.member!.id, record_id: String(t.member!.id) },
      { action: 'sign-out', actor_id: t.member!.id, record_id: String(t.member!.id) },
    ]);
  });
});
