import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2021-06-15T10:00:00.000Z' });
});
afterEach(() => t.close());

const contact = async (name: string, extra: Record<string, unknown> = {}) =>
  await t.okAsync('contacts:create', { name, kind: 'nav', area: 'regional', ...extra } as never);
const names = async (input: ChannelInput<'contacts:list'> = {}) => (await t.okAsync('contacts:list', input)).map((c) => c.name);

describe('contacts', () => {
  it('searches with Norwegian folding and sorts Æ, Ø, Å last', async () => {
    const sorfold = municipalityId(t, 'Sørfold');
    await contact('Åsen behandlingssenter', { kind: 'behandlingsinstitusjon' });
    await contact('Øvre Saltdal legekontor', { kind: 'legekontor' });
    await contact('NAV Sørfold', { area: 'member', municipalityId: sorfold });
    await contact('Ærlig bolig', { kind: 'boligkontor' });
    await contact('Zeta rådgivning', { kind: 'annet' });
    expect(await names()).toEqual(['NAV Sørfold', 'Zeta rådgivning', 'Ærlig bolig', 'Øvre Saltdal legekontor', 'Åsen behandlingssenter']);
    expect(await names({ search: 'sørf' })).toEqual(['NAV Sørfold']);
    expect(await names({ search: 'SØRF' })).toEqual(['NAV Sørfold']);
    expect(await names({ search: 'åsen' })).toEqual(['Åsen behandlingssenter']);
    expect(await names({ municipalityId: sorfold })).toEqual(['NAV Sørfold']);
    expect(await names({ kind: 'legekontor' })).toEqual(['Øvre Saltdal legekontor']);
  });

  it('finds a contact by a person in it, and keeps people in Norwegian order', async () => {
    const nav = await contact('NAV Fauske');
    await t.okAsync('contacts:add-person', { contactId: nav.id, name: 'Øyvind Dahl', role: 'Veileder' });
    await t.okAsync('contacts:add-person', { contactId: nav.id, name: 'Anne Berg', phone: '+47 75 60 00 00' });
    expect((await t.okAsync('contacts:get', { id: nav.id })).people.map((p) => p.name)).toEqual(['Anne Berg', 'Øyvind Dahl']);
    expect(await names({ search: 'øyv' })).toEqual(['NAV Fauske']);
  });

  it('a contact in use cannot be deleted, only archived', async () => {
    const caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2021-01-10' }).id;
    const nav = await contact('NAV Fauske');
    const unused = await contact('NAV Bodø');
    const linked = t.ok('cases:link-contact', { caseId, contactId: nav.id, role: 'oppdragsgiver' });
    expect(linked.contacts).toMatchObject([{ contactName: 'NAV Fauske', role: 'oppdragsgiver' }]);
    expect(t.call('cases:link-contact', { caseId, contactId: nav.id, role: 'oppdragsgiver' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const before = t.counts();
    expect(await t.callAsync('contacts:delete', { version: versionOf(t, 'contacts', nav.id), id: nav.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/kan bare arkiveres/) },
    });
    expect(t.counts()).toEqual(before);
    expect((await t.okAsync('contacts:archive', { id: nav.id, version: versionOf(t, 'contacts', nav.id), archived: true })).archived).toBe(true);
    expect(await names()).toEqual(['NAV Bodø']);
    expect(await names({ includeArchived: true })).toEqual(['NAV Bodø', 'NAV Fauske']);
    expect(t.call('cases:link-contact', { caseId, contactId: nav.id, role: 'henviser' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { contactId: 'Samarbeidspartneren er arkivert' } },
    });
    await t.okAsync('contacts:delete', { version: versionOf(t, 'contacts', unused.id), id: unused.id });
    expect(await names({ includeArchived: true })).toEqual(['NAV Fauske']);
  });

  it('places a contact in another municipality by name, and refuses a person of another contact', async () => {
    const bodo = await contact('NAV Bodø', { area: 'other', otherMunicipality: 'Bodø' });
    expect(bodo).toMatchObject({ area: 'other', otherMunicipality: 'Bodø', municipalityId: null });
    const other = await contact('NAV Fauske');
    const person = (await t.okAsync('contacts:add-person', { contactId: other.id, name: 'Anne Berg' })).people[0]!;
    const caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2021-01-10' }).id;
    expect(t.call('cases:link-contact', { caseId, contactId: bodo.id, personId: person.id, role: 'henviser' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { personId: expect.any(String) } },
    });
    t.ok('cases:link-contact', { caseId, contactId: other.id, personId: person.id, role: 'henviser' });
    expect(await t.callAsync('contacts:delete-person', { id: person.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('network log', () => {
  it('records meetings with partners, filters by year and kind, and counts as a use of the contact', async () => {
    const nav = await contact('NAV Fauske');
    const fauske = municipalityId(t, 'Fauske');
    await t.okAsync('network:create', { date: '2020-10-01', kind: 'konferanse', note: 'Rusforum Nordland' });
    const event = await t.okAsync('network:create', { date: '2021-03-01', kind: 'informasjonsmote', municipalityId: fauske, contactIds: [nav.id] });
    expect(event).toMatchObject({ municipalityName: 'Fauske', contacts: [{ id: nav.id, name: 'NAV Fauske' }] });
    expect((await t.okAsync('network:list', {})).map((e) => e.date)).toEqual(['2021-03-01', '2020-10-01']);
    expect((await t.okAsync('network:list', { year: 2020 })).map((e) => e.kind)).toEqual(['konferanse']);
    expect(await t.okAsync('network:list', { kind: 'informasjonsmote' })).toHaveLength(1);
    expect((await t.okAsync('contacts:get', { id: nav.id })).uses).toBe(1);
    expect(await t.callAsync('contacts:delete', { version: versionOf(t, 'contacts', nav.id), id: nav.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await t.okAsync('network:update', { id: event.id, version: event.version, date: '2021-03-02', kind: 'samarbeidsmote', contactIds: [] });
    expect((await t.okAsync('contacts:get', { id: nav.id })).uses).toBe(0);
    await t.okAsync('network:delete', { id: event.id, version: versionOf(t, 'network_events', event.id) });
    expect(await t.okAsync('network:list', {})).toHaveLength(1);
  });
});

describe('overview', () => {
  it('shows weeks since discharge, three-month contacts due and overdue, and what is missing', async () => {
    const steigen = municipalityId(t, 'Steigen');
    const me = t.member!.id;
    const jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
    const make = (referralDate: string, staffIds: number[]) => t.ok('cases:create', { municipalityId: steigen, referralDate, staffIds }).id;
    const start = (id: number, startDate: string, dischargeDate?: string) => {
      t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', id), id, date: startDate, assessedById: me, done: true });
      return t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', id), id, startDate, dischargeDate: dischargeDate ?? null });
    };
    const waiting = make('2021-06-01', [me]);
    const longOne = make('2021-01-10', [me, jonas]);
    start(longOne, '2021-02-01', '2021-04-01'); // 10 weeks before 15 June
    const recent = make('2021-05-01', [me, jonas]);
    start(recent, '2021-05-20');
    const due = make('2020-12-01', [me, jonas]);
    start(due, '2021-01-05');
    t.ok('cases:close', { version: versionOf(t, 'cases', due), id: due, closedDate: '2021-03-25', closureReason: 'overfort' }); // due 25 June
    const overdue = make('2020-11-01', [me, jonas]);
    start(overdue, '2020-12-01');
    t.ok('cases:close', { version: versionOf(t, 'cases', overdue), id: overdue, closedDate: '2021-03-01', closureReason: 'mal_naadd' }); // due 1 June
    const later = make('2020-11-02', [me, jonas]);
    start(later, '2020-12-01');
    t.ok('cases:close', { version: versionOf(t, 'cases', later), id: later, closedDate: '2021-04-01', closureReason: 'mal_naadd' }); // due 1 July, outside 14 days

    const overview = await t.okAsync('overview:get', {});
    expect(overview).toMatchObject({ today: '2021-06-15', warningWeeks: 8 });
    expect(overview.active.map((c) => [c.id, c.weeksSinceDischarge, c.longFollowUp])).toEqual([
      [longOne, 10, true],
      [recent, 3, false],
    ]);
    expect(overview.afterContacts.map((c) => [c.id, c.dueDate, c.overdue])).toEqual([
      [overdue, '2021-06-01', true],
      [due, '2021-06-25', false],
    ]);
    expect(overview.waitingReferrals.map((c) => c.id)).toEqual([waiting]);
    expect(overview.missingRiskAssessment.map((c) => c.id)).toEqual([waiting]);
    expect(overview.missingSecondStaff.map((c) => c.id)).toEqual([waiting]);

    t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', overdue), id: overdue, contactDate: '2021-06-14' });
    await t.okAsync('settings:update', { version: versionOf(t, 'settings', 0), followUpWarningWeeks: 12 });
    const after = await t.okAsync('overview:get', {});
    expect(after.afterContacts.map((c) => c.id)).toEqual([due]);
    expect(after.active.every((c) => !c.longFollowUp)).toBe(true);
  });

  it('flags only the active cases that need action: long and quiet, or out of the institution and not started', async () => {
    const steigen = municipalityId(t, 'Steigen');
    const me = t.member!.id;
    const jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
    const make = (referralDate: string) => {
      const id = t.ok('cases:create', { municipalityId: steigen, referralDate, staffIds: [me, jonas] }).id;
      t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', id), id, date: referralDate, assessedById: me, done: true });
      return id;
    };
    const code = (id: number) => t.ok('cases:get', { id }).code;
    const entry = async (id: number, date: string) =>
      await t.okAsync('time-entries:create', { date, caseCode: code(id), municipalityId: steigen, categoryId: categoryId(t, 1), hours: 1 });
    const follow = (id: number, startDate: string) => t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', id), id, startDate });
    const institution = (id: number, date: string) =>
      t.ok('cases:enter-institution', { version: versionOf(t, 'cases', id), id, date, institutionKind: 'behandlingsinstitusjon' });

    const quiet = make('2021-01-10');
    follow(quiet, '2021-02-01'); // 19 weeks on 15 June
    await entry(quiet, '2021-05-31'); // 15 days ago: quiet
    const busy = make('2021-01-11');
    follow(busy, '2021-02-01');
    await entry(busy, '2021-06-01'); // 14 days ago: still worked on
    const neverLogged = make('2021-01-12');
    follow(neverLogged, '2021-03-01');
    const recent = make('2021-05-01');
    follow(recent, '2021-05-20'); // 3 weeks, nothing logged: not long, nothing asked
    const out = make('2021-02-01');
    institution(out, '2021-02-10');
    t.ok('cases:update-institution', { version: versionOf(t, 'cases', out), id: out, institutionKind: 'behandlingsinstitusjon', dischargeDate: '2021-06-14' });
    const inside = make('2021-02-02');
    institution(inside, '2021-02-10');

    const active = (await t.okAsync('overview:get', {})).active;
    const flags = Object.fromEntries(active.map((c) => [c.id, [c.attention, c.longFollowUp, c.lastEntryDate]]));
    expect(flags).toEqual({
      [quiet]: ['quiet', true, '2021-05-31'],
      [busy]: [null, true, '2021-06-01'],
      [neverLogged]: ['quiet', true, null],
      [recent]: [null, false, null],
      [out]: ['discharged', false, null],
      [inside]: [null, false, null],
    });
    // What asks for action comes first.
    expect(active.slice(0, 3).every((c) => c.attention !== null)).toBe(true);
  });

  it('shows the signed-in member their own active cases and their hours this week', async () => {
    const steigen = municipalityId(t, 'Steigen');
    const me = t.member!.id;
    const jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
    const mine = t.ok('cases:create', { municipalityId: steigen, referralDate: '2021-06-01', staffIds: [me, jonas] }).id;
    t.ok('cases:create', { municipalityId: steigen, referralDate: '2021-06-02', staffIds: [jonas] });
    const entry = async (date: string, hours: number, participantIds?: number[]) =>
      await t.okAsync('time-entries:create', {
        date,
        municipalityId: steigen,
        categoryId: categoryId(t, 1),
        hours,
        ...(participantIds ? { participantIds } : {}),
      });
    await entry('2021-06-13', 2); // Sunday: last week
    await entry('2021-06-14', 1.5); // Monday
    await entry('2021-06-15', 1); // today, Tuesday
    await entry('2021-06-15', 3, [jonas]); // Jonas's, not mine
    const overview = await t.okAsync('overview:get', {});
    expect(overview.myCases.map((c) => c.id)).toEqual([mine]);
    expect(overview.myWeek).toEqual({ weekStart: '2021-06-14', minutes: 150, entries: 2 });
  });

  it('raises no lifecycle warnings for imported cases', async () => {
    t.db.sqlite
      .prepare(
        `insert into cases (code, municipality_id, year, running_number, status, referral_date, start_date, closed_date, created_at, updated_at)
         values ('09/20-ST', ?, 2020, 9, 'importert', null, '2020-02-01', null, 'now', 'now')`,
      )
      .run(municipalityId(t, 'Steigen'));
    const overview = await t.okAsync('overview:get', {});
    expect([overview.active, overview.afterContacts, overview.missingRiskAssessment, overview.missingSecondStaff, overview.waitingReferrals].flat()).toEqual(
      [],
    );
  });
});
