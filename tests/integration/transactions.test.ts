import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamMemberDto } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/** A write that fails part-way leaves nothing behind: no entry without participants, no case without staff. */
let t: TestDatabase;
let steigen: number;
let jonas: TeamMemberDto;

beforeEach(async () => {
  t = await createTestDatabase();
  steigen = municipalityId(t, 'Steigen');
  jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
});
afterEach(() => t.close());

const entry = (participantIds: number[]) => ({
  date: '2020-03-02',
  municipalityId: steigen,
  categoryId: categoryId(t, 1),
  hours: '2',
  participantIds,
});

/**
 * Makes the database itself refuse one row half-way through a write. A TEMP trigger lives on this
 * connection only and leaves the file's schema alone.
 */
function failOn(table: string, condition: string): void {
  t.db.sqlite.exec(`create temp trigger fail_${table} before insert on main.${table} when ${condition}
    begin select raise(abort, 'simulert feil'); end`);
}

describe('transactions', () => {
  it('refuses a time entry with one active and one inactive participant, writing nothing', async () => {
    t.db.sqlite.prepare('update team_members set active = 0 where id = ?').run(jonas.id);
    const before = t.counts();
    const result = await t.callAsync('time-entries:create', entry([t.member!.id, jonas.id]));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { participantIds: expect.any(String) } } });
    expect(t.counts()).toEqual(before);
  });

  it('refuses a time entry with one valid and one unknown participant, writing nothing', async () => {
    const before = t.counts();
    expect((await t.callAsync('time-entries:create', entry([t.member!.id, 9999]))).ok).toBe(false);
    expect(t.counts()).toEqual(before);
  });

  it('rolls back the entry row when its second participant fails to insert', async () => {
    failOn('time_entry_participants', `new.team_member_id = ${jonas.id}`);
    const before = t.counts();
    const result = await t.callAsync('time-entries:create', entry([t.member!.id, jonas.id]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Ingenting ble lagret/);
    expect(t.counts()).toEqual(before);
  });

  it('rolls back the entry when its audit row cannot be written', async () => {
    failOn('audit_log', `new.record_type = 'time_entry'`);
    const before = t.counts();
    expect((await t.callAsync('time-entries:create', entry([t.member!.id, jonas.id]))).ok).toBe(false);
    expect(t.counts()).toEqual(before);
  });

  it('leaves an entry exactly as it was when an update fails half-way', async () => {
    const created = await t.okAsync('time-entries:create', entry([t.member!.id]));
    const rowBefore = t.db.sqlite.prepare('select * from time_entries where id = ?').get(created.id);
    failOn('time_entry_participants', `new.team_member_id = ${jonas.id}`);
    const before = t.counts();
    const result = await t.callAsync('time-entries:update', {
      version: versionOf(t, 'time_entries', created.id),
      id: created.id,
      ...entry([jonas.id]),
      hours: '3',
    });
    expect(result.ok).toBe(false);
    expect(t.counts()).toEqual(before);
    expect(t.db.sqlite.prepare('select * from time_entries where id = ?').get(created.id)).toEqual(rowBefore);
    expect((await t.okAsync('time-entries:list', {})).rows[0]?.participants).toEqual([{ id: t.member!.id, initials: 'MS' }]);
  });

  it('rolls back a case when a staff row fails to insert', () => {
    failOn('case_staff', `new.team_member_id = ${jonas.id}`);
    const before = t.counts();
    expect(t.call('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', staffIds: [t.member!.id, jonas.id] }).ok).toBe(false);
    expect(t.counts()).toEqual(before);
    // The number was not used up either.
    expect(t.ok('cases:next-code', { municipalityId: steigen, referralDate: '2020-03-01' }).code).toBe('01/20-ST');
  });

  it('keeps the dispatcher usable after a rolled-back write', async () => {
    failOn('time_entry_participants', `new.team_member_id = ${jonas.id}`);
    expect((await t.callAsync('time-entries:create', entry([jonas.id]))).ok).toBe(false);
    expect((await t.okAsync('time-entries:create', entry([t.member!.id]))).minutes).toBe(120);
    expect(t.db.sqlite.inTransaction).toBe(false);
  });
});
