import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/** Staff, goals, life-domain ratings and paging of the case list, through the dispatcher. */
let t: TestDatabase;
let caseId: number;
let jonas: number;
let steigen: number;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2021-06-15T10:00:00.000Z' });
  steigen = municipalityId(t, 'Steigen');
  jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
  caseId = t.ok('cases:create', { municipalityId: steigen, referralDate: '2021-01-10', staffIds: [t.member!.id] }).id;
});
afterEach(() => t.close());

const domains = async () => await t.okAsync('life-domains:list', {});

describe('staff', () => {
  it('replaces the staff and counts each member’s active caseload', () => {
    expect(t.ok('cases:caseload', {})).toEqual([
      { memberId: jonas, displayName: 'Jonas Berg', initials: 'JB', activeCases: 0 },
      { memberId: t.member!.id, displayName: 'Marit Solvang', initials: 'MS', activeCases: 1 },
    ]);
    expect(
      t.ok('cases:set-staff', { version: versionOf(t, 'cases', caseId), id: caseId, staffIds: [jonas, t.member!.id] }).staff.map((s) => s.initials),
    ).toEqual(['JB', 'MS']);
    expect(t.ok('cases:caseload', {}).map((c) => c.activeCases)).toEqual([1, 1]);
    t.ok('cases:reject', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-11' });
    expect(t.ok('cases:caseload', {}).map((c) => c.activeCases)).toEqual([0, 0]);
  });

  it('refuses an unknown member and keeps the old staff', () => {
    const before = t.counts();
    expect(t.call('cases:set-staff', { version: versionOf(t, 'cases', caseId), id: caseId, staffIds: [jonas, 999] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { staffIds: expect.any(String) } },
    });
    expect(t.counts()).toEqual(before);
    expect(t.ok('cases:get', { id: caseId }).staff.map((s) => s.initials)).toEqual(['MS']);
  });
});

describe('goals', () => {
  it('adds, changes and deletes goals in the user’s words', () => {
    const goal = t.ok('cases:add-goal', { caseId, text: 'Få egen leilighet' });
    expect(goal).toMatchObject({ text: 'Få egen leilighet', status: 'ikke_startet' });
    t.ok('cases:add-goal', { caseId, text: 'Komme i jobb', status: 'pagar' });
    expect(t.ok('cases:update-goal', { version: versionOf(t, 'case_goals', goal.id), id: goal.id, status: 'naadd' }).status).toBe('naadd');
    expect(t.ok('cases:get', { id: caseId }).goals.map((g) => [g.text, g.status])).toEqual([
      ['Få egen leilighet', 'naadd'],
      ['Komme i jobb', 'pagar'],
    ]);
    t.ok('cases:delete-goal', { version: versionOf(t, 'case_goals', goal.id), id: goal.id });
    expect(t.ok('cases:get', { id: caseId }).goals).toHaveLength(1);
  });

  it('refuses a goal that is too long or empty', () => {
    const before = t.counts();
    expect(t.raw('cases:add-goal', { caseId, text: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { fieldErrors: { text: 'Mål kan ha høyst 200 tegn' } },
    });
    expect(t.raw('cases:add-goal', { caseId, text: '  ' })).toMatchObject({ ok: false, error: { fieldErrors: { text: 'Skriv inn mål' } } });
    expect(t.counts()).toEqual(before);
  });
});

describe('life-domain ratings', () => {
  it('rates at start, at closure and after three months, replacing an occasion as a whole', async () => {
    const [housing, economy] = await domains();
    t.ok('cases:rate-domains', {
      version: versionOf(t, 'cases', caseId),
      caseId,
      occasion: 'start',
      ratedOn: '2021-01-12',
      ratings: [
        { domainId: housing!.id, level: 1 },
        { domainId: economy!.id, level: 2, note: 'Har verge' },
      ],
    });
    t.ok('cases:rate-domains', {
      version: versionOf(t, 'cases', caseId),
      caseId,
      occasion: 'start',
      ratedOn: '2021-01-13',
      ratings: [{ domainId: housing!.id, level: 1 }],
    });
    expect(t.ok('cases:get', { id: caseId }).ratings).toEqual([
      { domainId: housing!.id, domainName: 'Bolig', occasion: 'start', level: 1, ratedOn: '2021-01-13', note: null },
    ]);
    const refusedClosure = t.call('cases:rate-domains', {
      version: versionOf(t, 'cases', caseId),
      caseId,
      occasion: 'avslutning',
      ratedOn: '2021-03-01',
      ratings: [{ domainId: housing!.id, level: 3 }],
    });
    expect(refusedClosure).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { occasion: expect.any(String) } } });
    t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-12', assessedById: jonas, done: true });
    t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2021-01-15' });
    t.ok('cases:rate-domains', {
      version: versionOf(t, 'cases', caseId),
      caseId,
      occasion: 'avslutning',
      ratedOn: '2021-03-01',
      ratings: [{ domainId: housing!.id, level: 3 }],
    });
    t.ok('cases:close', { version: versionOf(t, 'cases', caseId), id: caseId, closedDate: '2021-03-01', closureReason: 'mal_naadd' });
    const detail = t.ok('cases:rate-domains', {
      version: versionOf(t, 'cases', caseId),
      caseId,
      occasion: 'etteroppfolging',
      ratedOn: '2021-06-01',
      ratings: [{ domainId: housing!.id, level: 3 }],
    });
    expect(detail.ratings.map((r) => [r.occasion, r.level])).toEqual([
      ['start', 1],
      ['avslutning', 3],
      ['etteroppfolging', 3],
    ]);
  });

  it('refuses a level outside the scale, an unknown or doubled domain', async () => {
    const [housing] = await domains();
    const before = t.counts();
    const bad = (ratings: unknown[]) =>
      t.raw('cases:rate-domains', { caseId, version: versionOf(t, 'cases', caseId), occasion: 'start', ratedOn: '2021-01-12', ratings });
    expect(bad([{ domainId: housing!.id, level: 4 }])).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { 'ratings.0.level': 'Nivå kan være høyst 3' } },
    });
    expect(bad([{ domainId: housing!.id, level: 0 }])).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(bad([{ domainId: 999, level: 2 }])).toMatchObject({
      ok: false,
      error: { fieldErrors: { ratings: 'Ukjent livsområde, eller et som ikke er i bruk' } },
    });
    expect(
      bad([
        { domainId: housing!.id, level: 2 },
        { domainId: housing!.id, level: 3 },
      ]),
    ).toMatchObject({ ok: false, error: { fieldErrors: { ratings: expect.any(String) } } });
    expect(t.counts()).toEqual(before);
    expect(t.db.sqlite.prepare('select count(*) as n from case_domain_ratings').get()).toEqual({ n: 0 });
  });

  it('lets an administrator edit the list; a retired domain is not offered but old ratings stay', async () => {
    const [housing] = await domains();
    t.ok('cases:rate-domains', {
      version: versionOf(t, 'cases', caseId),
      caseId,
      occasion: 'start',
      ratedOn: '2021-01-12',
      ratings: [{ domainId: housing!.id, level: 2 }],
    });
    const added = await t.okAsync('life-domains:create', { name: 'Fritid' });
    expect((await domains()).at(-1)).toMatchObject({ name: 'Fritid', sortOrder: 9 });
    expect(await t.callAsync('life-domains:create', { name: 'fritid' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.okAsync('life-domains:update', { id: housing!.id, version: housing!.version, retired: true, name: 'Bolig og bosted' });
    expect((await domains()).map((d) => d.name)).not.toContain('Bolig og bosted');
    expect((await t.okAsync('life-domains:list', { includeRetired: true })).find((d) => d.id === housing!.id)).toMatchObject({ retired: true });
    expect(t.ok('cases:get', { id: caseId }).ratings[0]!.domainName).toBe('Bolig og bosted');
    await t.signInAs('jonas');
    expect(await t.callAsync('life-domains:update', { id: added.id, version: added.version, retired: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('cases:page', () => {
  beforeEach(() => {
    const fauske = municipalityId(t, 'Fauske');
    const sorfold = municipalityId(t, 'Sørfold');
    t.ok('cases:create', { municipalityId: fauske, referralDate: '2021-02-01', staffIds: [jonas] });
    t.ok('cases:create', { municipalityId: sorfold, referralDate: '2021-03-01' });
    t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-05-01', staffIds: [jonas, t.member!.id] });
  });
  const codes = (input: ChannelInput<'cases:page'>) => t.ok('cases:page', input).rows.map((c) => c.code);

  it('pages, sorts and counts in SQL', () => {
    const page = t.ok('cases:page', { pageSize: 2 });
    expect(page).toMatchObject({ total: 4, page: 0, pageSize: 2 });
    expect(page.rows.map((c) => c.code)).toEqual(['01/21-FA', '01/21-SØ']);
    expect(codes({ pageSize: 2, page: 1 })).toEqual(['01/21-ST', '01/20-ST']);
    expect(codes({ sort: { field: 'code', direction: 'asc' } })).toEqual(['01/20-ST', '01/21-FA', '01/21-ST', '01/21-SØ']);
    expect(codes({ sort: { field: 'municipality', direction: 'asc' } })).toEqual(['01/21-FA', '01/21-ST', '01/20-ST', '01/21-SØ']);
    expect(codes({ sort: { field: 'referralDate', direction: 'desc' } })).toEqual(['01/21-SØ', '01/21-FA', '01/21-ST', '01/20-ST']);
  });

  it('sorts by time logged and gives each row its sum and its staff in Norwegian name order', async () => {
    const logged = async (caseCode: string, municipality: number, hours: string) =>
      await t.okAsync('time-entries:create', { date: '2021-05-03', caseCode, municipalityId: municipality, categoryId: categoryId(t, 2), hours });
    await logged('01/21-ST', steigen, '2');
    await logged('01/21-SØ', municipalityId(t, 'Sørfold'), '1');
    await logged('01/21-SØ', municipalityId(t, 'Sørfold'), '3,5');
    const page = t.ok('cases:page', { sort: { field: 'minutes', direction: 'desc' } });
    expect(page.rows.map((c) => [c.code, c.minutes])).toEqual([
      ['01/21-SØ', 270],
      ['01/21-ST', 120],
      ['01/20-ST', 0],
      ['01/21-FA', 0],
    ]);
    expect(codes({ sort: { field: 'minutes', direction: 'asc' }, pageSize: 1, page: 3 })).toEqual(['01/21-SØ']);
    expect(page.rows.find((c) => c.code === '01/20-ST')!.staff.map((s) => s.displayName)).toEqual(['Jonas Berg', 'Marit Solvang']);
    await t.addMember('aase', 'Åse Mikalsen', 'ÅM');
    await t.addMember('oystein', 'Øystein Berg', 'ØB');
    const [aase, oystein] = (await t.okAsync('team-members:list', {}))
      .filter((m) => m.displayName.startsWith('Å') || m.displayName.startsWith('Ø'))
      .map((m) => m.id);
    t.ok('cases:set-staff', { version: versionOf(t, 'cases', caseId), id: caseId, staffIds: [aase!, oystein!, jonas] });
    const names = ['Jonas Berg', 'Øystein Berg', 'Åse Mikalsen'];
    expect(
      t
        .ok('cases:list', {})
        .find((c) => c.id === caseId)!
        .staff.map((s) => s.displayName),
    ).toEqual(names);
    expect((await t.okAsync('overview:get', {})).waitingReferrals.find((c) => c.id === caseId)!.staff.map((s) => s.displayName)).toEqual(names);
  });

  it('filters by staff member, status, municipality and year', () => {
    expect(codes({ filter: { staffId: jonas } })).toEqual(['01/21-FA', '01/20-ST']);
    expect(codes({ filter: { staffId: jonas, year: 2020 } })).toEqual(['01/20-ST']);
    expect(codes({ filter: { municipalityId: steigen } })).toEqual(['01/21-ST', '01/20-ST']);
    t.ok('cases:reject', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-11' });
    expect(t.ok('cases:page', { filter: { status: 'avvist' } })).toMatchObject({ total: 1, rows: [{ code: '01/21-ST' }] });
  });
});
