import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

// TEST_NOW is 2020-06-15 in Norway: entries up to 2020-06-22 are allowed.
let t: TestDatabase;
let steigen: number;
let caseCode: string;

beforeEach(async () => {
  t = await createTestDatabase();
  steigen = municipalityId(t, 'Steigen');
  caseCode = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01' }).code;
});
afterEach(() => t.close());

const entry = (overrides: Partial<ChannelInput<'time-entries:create'>> = {}): ChannelInput<'time-entries:create'> => ({
  date: '2020-03-02',
  caseCode,
  municipalityId: steigen,
  categoryId: categoryId(t, 1),
  hours: '1,5',
  ...overrides,
});

function auditRows(recordId: number) {
  return (
    t.db.sqlite
      .prepare("select action, actor_id, fields from audit_log where record_type = 'time_entry' and record_id = ? order by id")
      .all(String(recordId)) as { action: string; actor_id: number; fields: string }[]
  ).map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }));
}

describe('time-entries:create', () => {
  it('stores «1,5» as 90 minutes, on the case, with the signed-in member as participant', async () => {
    const created = await t.okAsync('time-entries:create', entry());
    expect(created).toMatchObject({
      date: '2020-03-02',
      caseCode: '01/20-ST',
      municipalityId: steigen,
      municipalityName: 'Steigen',
      categoryNumber: 1,
      categoryName: 'Brukeroppfølging',
      minutes: 90,
      participants: [{ id: t.member!.id, initials: 'MS' }],
      createdAt: '2020-06-15T10:00:00.000Z',
    });
    const row = t.db.sqlite.prepare('select minutes, participant_count, created_by, source from time_entries where id = ?').get(created.id);
    expect(row).toEqual({ minutes: 90, participant_count: 1, created_by: t.member!.id, source: 'manual' });
  });

  it.each([
    ['1.5', 90],
    ['1½', 90],
    ['½', 30],
    [2, 120],
    ['24', 1440],
  ])('reads hours %j as %i minutes', async (hours, minutes) => {
    expect((await t.okAsync('time-entries:create', entry({ hours, date: '2020-03-03' }))).minutes).toBe(minutes);
  });

  it('takes shared work without a case, and a lower-case case code', async () => {
    const shared = await t.okAsync('time-entries:create', entry({ caseCode: null, municipalityId: municipalityId(t, 'Felles'), categoryId: categoryId(t, 7) }));
    expect(shared).toMatchObject({ caseId: null, caseCode: null, municipalityName: 'Felles', categoryName: 'Nettverksarbeid' });
    expect((await t.okAsync('time-entries:create', entry({ caseCode: ' 01/20-st ' }))).caseCode).toBe('01/20-ST');
    expect((await t.okAsync('time-entries:create', entry({ caseCode: '' }))).caseCode).toBeNull();
  });

  it('records the participants given, each once', async () => {
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    const created = await t.okAsync('time-entries:create', entry({ participantIds: [jonas.id, t.member!.id, jonas.id] }));
    expect(created.participants.map((p) => p.initials)).toEqual(['JB', 'MS']);
    expect(t.db.sqlite.prepare('select participant_count as n from time_entries where id = ?').get(created.id)).toEqual({ n: 2 });
  });

  it('refuses a 25th hour in one day for one person, but not for another person', async () => {
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.okAsync('time-entries:create', entry({ date: '2020-03-04', hours: '24' }));
    const before = t.counts();
    const result = await t.callAsync('time-entries:create', entry({ date: '2020-03-04', hours: '1' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'MS får mer enn 24 timer denne dagen', fieldErrors: { hours: expect.any(String) } },
    });
    expect((await t.callAsync('time-entries:create', entry({ date: '2020-03-04', hours: '1', participantIds: [t.member!.id, jonas.id] }))).ok).toBe(false);
    expect(t.counts()).toEqual(before);
    expect((await t.okAsync('time-entries:create', entry({ date: '2020-03-04', hours: '1', participantIds: [jonas.id] }))).minutes).toBe(60);
    expect((await t.okAsync('time-entries:create', entry({ date: '2020-03-05', hours: '1' }))).minutes).toBe(60);
  });

  it('allows up to a week ahead of the fixed clock, not more', async () => {
    expect((await t.okAsync('time-entries:create', entry({ date: '2020-06-22' }))).date).toBe('2020-06-22');
    const before = t.counts();
    const result = await t.callAsync('time-entries:create', entry({ date: '2020-06-23' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { date: 'Dato kan ikke være mer enn en uke fram i tid' } } });
    expect(t.counts()).toEqual(before);
  });

  it('counts «a week ahead» from today in Norway, not in UTC', async () => {
    // 22:30 UTC on 15 June is already 16 June in Oslo, so 23 June is within a week.
    const late = await createTestDatabase({ now: '2020-06-15T22:30:00.000Z' });
    try {
      const base = { municipalityId: municipalityId(late, 'Felles'), categoryId: categoryId(late, 7), hours: '1' };
      expect((await late.okAsync('time-entries:create', { ...base, date: '2020-06-23' })).date).toBe('2020-06-23');
      expect((await late.callAsync('time-entries:create', { ...base, date: '2020-06-24' })).ok).toBe(false);
    } finally {
      late.close();
    }
  });

  it('refuses new time on a retired category', async () => {
    t.db.sqlite.prepare("update categories set retired_at = '2021-01-01' where number = 5").run();
    const result = await t.callAsync('time-entries:create', entry({ categoryId: categoryId(t, 5) }));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { categoryId: 'Hendelsen er ikke lenger i bruk' } } });
  });
});

describe('time-entries:update', () => {
  it('changes the fields and audits only the names of the fields that changed', async () => {
    const created = await t.okAsync('time-entries:create', entry());
    const updated = await t.okAsync('time-entries:update', {
      version: versionOf(t, 'time_entries', created.id),
      id: created.id,
      ...entry({ hours: '2', categoryId: categoryId(t, 2) }),
    });
    expect(updated).toMatchObject({ id: created.id, minutes: 120, categoryName: 'Kjøring', date: '2020-03-02', caseCode: '01/20-ST' });
    expect(auditRows(created.id).map((r) => [r.action, r.fields])).toEqual([
      ['create', ['caseCode', 'categoryId', 'date', 'hours', 'municipalityId', 'participantIds']],
      ['update', ['categoryId', 'hours']],
    ]);
  });

  it('moves an entry off its case and to other people', async () => {
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    const created = await t.okAsync('time-entries:create', entry());
    const updated = await t.okAsync('time-entries:update', {
      version: versionOf(t, 'time_entries', created.id),
      id: created.id,
      ...entry({ caseCode: null, date: '2020-03-01', participantIds: [jonas.id] }),
    });
    expect(updated).toMatchObject({ caseId: null, date: '2020-03-01', participants: [{ id: jonas.id, initials: 'JB' }] });
    expect(auditRows(created.id).at(-1)?.fields).toEqual(['caseCode', 'date', 'participantIds']);
    expect(t.db.sqlite.prepare('select participant_count as n from time_entries where id = ?').get(created.id)).toEqual({ n: 1 });
  });

  it('keeps the participants when the edit does not send any, even when a colleague makes it', async () => {
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    const created = await t.okAsync('time-entries:create', entry({ participantIds: [t.member!.id, jonas.id] }));
    await t.signInAs('jonas');
    const { participantIds: _omitted, ...withoutParticipants } = entry({ hours: '2' });
    const updated = await t.okAsync('time-entries:update', { version: versionOf(t, 'time_entries', created.id), id: created.id, ...withoutParticipants });
    expect(updated.participants.map((p) => p.id).sort()).toEqual([t.member!.id, jonas.id].sort());
    expect(auditRows(created.id).at(-1)?.fields).toEqual(['hours']);
  });

  it('writes nothing when nothing changed', async () => {
    const created = await t.okAsync('time-entries:create', entry());
    const before = t.counts();
    await t.okAsync('time-entries:update', { version: versionOf(t, 'time_entries', created.id), id: created.id, ...entry({ hours: '1.5' }) });
    expect(t.counts()).toEqual(before);
  });

  it('keeps a retired category on an old entry being edited', async () => {
    const created = await t.okAsync('time-entries:create', entry({ categoryId: categoryId(t, 5) }));
    t.db.sqlite.prepare("update categories set retired_at = '2021-01-01' where number = 5").run();
    expect(
      (
        await t.okAsync('time-entries:update', {
          version: versionOf(t, 'time_entries', created.id),
          id: created.id,
          ...entry({ categoryId: categoryId(t, 5), hours: '2' }),
        })
      ).minutes,
    ).toBe(120);
  });

  it('counts the entry being edited only once against the daily limit', async () => {
    const created = await t.okAsync('time-entries:create', entry({ hours: '20' }));
    expect(
      (await t.okAsync('time-entries:update', { version: versionOf(t, 'time_entries', created.id), id: created.id, ...entry({ hours: '24' }) })).minutes,
    ).toBe(1440);
  });

  it('says not_found for an entry that does not exist', async () => {
    expect(await t.callAsync('time-entries:update', { version: versionOf(t, 'time_entries', 999), id: 999, ...entry() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('time-entries:delete', () => {
  it('deletes the entry and its participants, and audits it', async () => {
    const created = await t.okAsync('time-entries:create', entry({ participantIds: [t.member!.id, (await t.addMember('jonas', 'Jonas Berg', 'JB')).id] }));
    expect(await t.okAsync('time-entries:delete', { version: versionOf(t, 'time_entries', created.id), id: created.id })).toEqual({ id: created.id });
    expect(t.count('time_entries')).toBe(0);
    expect(t.count('time_entry_participants')).toBe(0);
    expect(auditRows(created.id).map((r) => [r.action, r.actor_id, r.fields])).toEqual([
      ['create', t.member!.id, ['caseCode', 'categoryId', 'date', 'hours', 'municipalityId', 'participantIds']],
      ['delete', t.member!.id, []],
    ]);
  });

  it('says not_found the second time, and writes nothing', async () => {
    const created = await t.okAsync('time-entries:create', entry());
    await t.okAsync('time-entries:delete', { version: versionOf(t, 'time_entries', created.id), id: created.id });
    const before = t.counts();
    expect(await t.callAsync('time-entries:delete', { version: versionOf(t, 'time_entries', created.id), id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(t.counts()).toEqual(before);
  });
});
