import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import { fixedClock } from '../../electron/services/context';
import { categoryId, createTestDatabase, municipalityId, TEST_PASSWORD, TEST_PASSWORD_COST, type TestDatabase } from '../support/testDatabase';
import type { ApiResult, ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';

/**
 * Two PCs on one shared file: each has its own connection and dispatcher and signs in as its own
 * member. Both load a record, the first saves, then the second saves what it had loaded: the second is
 * refused with a message naming the first editor and the time, and the first save stays as it was.
 */
let t: TestDatabase;
let other: AppDatabase;
let second: Dispatcher;

// 10.42 in Oslo (UTC+1 in March).
const NOW = '2021-03-10T09:42:00.000Z';

function call<C extends ChannelName>(d: Dispatcher, channel: C, input: ChannelInput<C>): ApiResult<ChannelOutput<C>> {
  return d.dispatch(channel, input) as ApiResult<ChannelOutput<C>>;
}
function ok<C extends ChannelName>(d: Dispatcher, channel: C, input: ChannelInput<C>): ChannelOutput<C> {
  const result = call(d, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
async function callAsync<C extends ChannelName>(d: Dispatcher, channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
  return (await d.dispatchAsync(channel, input)) as ApiResult<ChannelOutput<C>>;
}
async function okAsync<C extends ChannelName>(d: Dispatcher, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await callAsync(d, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  t = await createTestDatabase({ now: NOW });
  await t.addMember('ola', 'Ola Nordmann', 'ON');
  other = await openDatabase(t.path);
  second = createDispatcher({ db: other, clock: fixedClock(NOW), passwordCost: TEST_PASSWORD_COST });
  await okAsync(second, 'session:sign-in', { username: 'ola', password: TEST_PASSWORD });
});
afterEach(() => {
  other.close();
  t.close();
});

const CONFLICT = 'ble endret av Marit Solvang kl. 10.42. Last inn på nytt for å se endringene – det du skrev er ikke lagret.';

describe('no lost updates between two PCs on one file', () => {
  it('refuses the second edit of a case and keeps the first', () => {
    const created = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-03-01' });
    const loadedByFirst = t.ok('cases:get', { id: created.id });
    const loadedBySecond = ok(second, 'cases:get', { id: created.id });
    expect(loadedBySecond.version).toBe(loadedByFirst.version);

    t.ok('cases:set-closure-note', { id: created.id, version: loadedByFirst.version, closureNote: 'Første' });
    const refused = call(second, 'cases:set-closure-note', { id: created.id, version: loadedBySecond.version, closureNote: 'Andre' });

    expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: `Saken ${CONFLICT}`, fieldErrors: { version: `Saken ${CONFLICT}` } } });
    const stored = other.sqlite.prepare('select closure_note, version, updated_by from cases where id = ?').get(created.id);
    expect(stored).toEqual({ closure_note: 'Første', version: loadedByFirst.version + 1, updated_by: t.member!.id });
  });

  it('refuses a lifecycle step on a case changed since it was loaded', () => {
    const created = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-03-01' });
    const loaded = ok(second, 'cases:get', { id: created.id });
    t.ok('cases:record-risk-assessment', { id: created.id, version: loaded.version, date: '2021-03-02', assessedById: t.member!.id, done: true });
    const refused = call(second, 'cases:reject', { id: created.id, version: loaded.version, date: '2021-03-03' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: `Saken ${CONFLICT}` } });
    expect(t.ok('cases:get', { id: created.id }).status).toBe('henvist');
  });

  it('refuses the second edit and the stale delete of a time entry; creating never conflicts', async () => {
    const input = { date: '2021-03-09', municipalityId: municipalityId(t, 'Steigen'), categoryId: categoryId(t, 1), hours: '1' };
    const entry = await t.okAsync('time-entries:create', input);
    // Both create at once: two new entries, no conflict.
    await okAsync(second, 'time-entries:create', input);
    await t.okAsync('time-entries:update', { id: entry.id, version: entry.version, ...input, hours: '2' });

    const refused = await callAsync(second, 'time-entries:update', { id: entry.id, version: entry.version, ...input, hours: '3' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: `Registreringen ${CONFLICT}`, fieldErrors: { version: `Registreringen ${CONFLICT}` } },
    });
    const deleted = await callAsync(second, 'time-entries:delete', { id: entry.id, version: entry.version });
    expect(deleted).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('ingenting ble slettet') } });

    expect(other.sqlite.prepare('select minutes, version from time_entries where id = ?').get(entry.id)).toEqual({ minutes: 120, version: entry.version + 1 });
    expect((other.sqlite.prepare('select count(*) as n from time_entries').get() as { n: number }).n).toBe(2);
  });

  it('refuses a settings save made on settings read before a colleague saved', async () => {
    const loadedByFirst = await t.okAsync('settings:get', {});
    await t.okAsync('settings:update', { version: loadedByFirst.version, followUpWarningWeeks: 6 });
    second = createDispatcher({ db: other, clock: fixedClock(NOW), passwordCost: TEST_PASSWORD_COST });
    // Only an administrator changes settings: the second PC signs in as one too.
    await okAsync(second, 'session:sign-in', { username: t.member!.username, password: TEST_PASSWORD });
    const refused = await callAsync(second, 'settings:update', { version: loadedByFirst.version, followUpWarningWeeks: 8 });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: `Innstillingene ${CONFLICT}`, fieldErrors: { version: `Innstillingene ${CONFLICT}` } },
    });
    expect((await okAsync(second, 'settings:get', {})).followUpWarningWeeks).toBe(6);
  });

  it('refuses a cost-share save made on a year read before a colleague saved it, and keeps the first', async () => {
    const steigen = municipalityId(t, 'Steigen');
    const parameters = { budget: 4_000_000, baseAmount: 150_000, bandRates: [1, 0.8, 0.6, 0.4] as [number, number, number, number], hourlyRate: 850 };
    second = createDispatcher({ db: other, clock: fixedClock(NOW), passwordCost: TEST_PASSWORD_COST });
    // Only an administrator saves the cost share: the second PC signs in as one too.
    await okAsync(second, 'session:sign-in', { username: t.member!.username, password: TEST_PASSWORD });
    const loadedByFirst = await t.okAsync('cost-share:get-settings', { year: 2021 });
    const loadedBySecond = await okAsync(second, 'cost-share:get-settings', { year: 2021 });
    expect(loadedBySecond.version).toBe(loadedByFirst.version);

    const saved = await t.okAsync('cost-share:save-settings', {
      year: 2021,
      version: loadedByFirst.version,
      parameters,
      municipalities: [{ municipalityId: steigen, population: 2500, extraHours: 0 }],
    });
    expect(saved.version).toBeGreaterThan(loadedByFirst.version);
    const audits = t.count('audit_log');
    const refused = await callAsync(second, 'cost-share:save-settings', {
      year: 2021,
      version: loadedBySecond.version,
      parameters: { ...parameters, budget: 9 },
      municipalities: [{ municipalityId: steigen, population: 1, extraHours: 0 }],
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: `Kostnadsfordelingen ${CONFLICT}`, fieldErrors: { version: `Kostnadsfordelingen ${CONFLICT}` } },
    });
    const stored = await okAsync(second, 'cost-share:get-settings', { year: 2021 });
    expect(stored.parameters?.budget).toBe(4_000_000);
    expect(stored.municipalities.find((m) => m.municipalityId === steigen)?.population).toBe(2500);
    expect(t.count('audit_log')).toBe(audits);
    // Read again, the same save goes through: the refusal was about the version, nothing else.
    expect(
      (await okAsync(second, 'cost-share:save-settings', { year: 2021, version: stored.version, parameters: { ...parameters, budget: 9 }, municipalities: [] }))
        .parameters?.budget,
    ).toBe(9);
  });

  it('refuses a second first text, a stale edit and a stale emptying of an annual-report text, and keeps the first', async () => {
    const text = async (d: Dispatcher) => (await okAsync(d, 'annual-report:texts', { year: 2020 })).sections.find((s) => s.section === 'team')!;
    expect((await text(second)).version).toBe(0);
    // Both open the empty chapter; the first to save wins, the second is refused.
    const first = await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: 'Første', version: 0 });
    const refusedFirst = await callAsync(second, 'annual-report:save-text', { year: 2020, section: 'team', text: 'Andre', version: 0 });
    expect(refusedFirst).toEqual({ ok: false, error: { code: 'conflict', message: `Teksten ${CONFLICT}`, fieldErrors: { version: `Teksten ${CONFLICT}` } } });

    const loadedBySecond = await text(second);
    await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: 'Første, endret', version: first.version });
    expect(await callAsync(second, 'annual-report:save-text', { year: 2020, section: 'team', text: 'Andre', version: loadedBySecond.version })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Teksten ${CONFLICT}` },
    });
    expect(await callAsync(second, 'annual-report:save-text', { year: 2020, section: 'team', text: '', version: loadedBySecond.version })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('ingenting ble slettet') },
    });
    expect((await text(second)).text).toBe('Første, endret');
  });

  it('refuses an annual-report text edited on a version read before the text was emptied and written again (A–B–A)', async () => {
    const held = await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: 'Første', version: 0 });
    await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: '', version: held.version });
    // Written again later by a colleague: a new text, whose version is not the one still held.
    const later = createDispatcher({ db: other, clock: fixedClock('2021-03-10T09:43:00.000Z'), passwordCost: TEST_PASSWORD_COST });
    await okAsync(later, 'session:sign-in', { username: 'ola', password: TEST_PASSWORD });
    const rewritten = await okAsync(later, 'annual-report:save-text', { year: 2020, section: 'team', text: 'Ny tekst', version: 0 });
    expect(rewritten.version).not.toBe(held.version);
    expect(await t.callAsync('annual-report:save-text', { year: 2020, section: 'team', text: 'Gammel', version: held.version })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Teksten ble endret av Ola Nordmann kl. 10.43.') },
    });
    // Emptied by a colleague while still held: refused as gone, not saved into a new row.
    await t.okAsync('annual-report:save-text', {
      year: 2020,
      section: 'team',
      text: '',
      version: (await t.okAsync('annual-report:texts', { year: 2020 })).sections.find((s) => s.section === 'team')!.version,
    });
    expect(await callAsync(later, 'annual-report:save-text', { year: 2020, section: 'team', text: 'Igjen', version: rewritten.version })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Teksten er tømt av en annen') },
    });
    expect(other.sqlite.prepare('select count(*) as n from annual_report_texts').get()).toEqual({ n: 0 });
  });

  it('names the date as well when the change was not today', async () => {
    const created = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-03-01' });
    t.ok('cases:set-closure-note', { id: created.id, version: 1, closureNote: 'Første' });
    const later = createDispatcher({ db: other, clock: fixedClock('2021-03-12T08:00:00.000Z'), passwordCost: TEST_PASSWORD_COST });
    await okAsync(later, 'session:sign-in', { username: 'ola', password: TEST_PASSWORD });
    const refused = call(later, 'cases:set-closure-note', { id: created.id, version: 1, closureNote: 'Andre' });
    expect(refused).toMatchObject({ error: { message: expect.stringContaining('Saken ble endret av Marit Solvang 10.03.2021 kl. 10.42.') } });
  });

  it('refuses a stale edit or delete of a goal, and a stale edit or delete of a contact', async () => {
    const created = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-03-01' });
    const goal = t.ok('cases:add-goal', { caseId: created.id, text: 'Egen bolig' });
    t.ok('cases:update-goal', { id: goal.id, version: goal.version, status: 'pagar' });
    expect(call(second, 'cases:update-goal', { id: goal.id, version: goal.version, status: 'avbrutt' })).toMatchObject({
      error: { code: 'conflict', message: `Målet ${CONFLICT}` },
    });
    expect(call(second, 'cases:delete-goal', { id: goal.id, version: goal.version })).toMatchObject({ error: { code: 'conflict' } });
    expect(other.sqlite.prepare('select status from case_goals where id = ?').get(goal.id)).toEqual({ status: 'pagar' });

    const contact = await t.okAsync('contacts:create', { name: 'NAV Steigen', kind: 'nav', area: 'regional' });
    await t.okAsync('contacts:update', { id: contact.id, version: contact.version, name: 'NAV Steigen og Hamarøy', kind: 'nav', area: 'regional' });
    expect(
      await callAsync(second, 'contacts:update', { id: contact.id, version: contact.version, name: 'NAV Sørfold', kind: 'nav', area: 'regional' }),
    ).toMatchObject({
      error: { code: 'conflict', message: `Kontakten ${CONFLICT}` },
    });
    expect(await callAsync(second, 'contacts:delete', { id: contact.id, version: contact.version })).toMatchObject({ error: { code: 'conflict' } });
    expect((await okAsync(second, 'contacts:get', { id: contact.id })).name).toBe('NAV Steigen og Hamarøy');
  });

  it('refuses a stale edit or delete of a network event and keeps the first save', async () => {
    const event = await t.okAsync('network:create', { date: '2021-03-01', kind: 'informasjonsmote' });
    await t.okAsync('network:update', { id: event.id, version: event.version, date: '2021-03-02', kind: 'samarbeidsmote' });
    expect(await callAsync(second, 'network:update', { id: event.id, version: event.version, date: '2021-03-03', kind: 'konferanse' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: `Oppføringen ${CONFLICT}`, fieldErrors: { version: `Oppføringen ${CONFLICT}` } },
    });
    expect(await callAsync(second, 'network:delete', { id: event.id, version: event.version })).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining('ingenting ble slettet') },
    });
    expect(other.sqlite.prepare('select event_date, kind, version from network_events where id = ?').get(event.id)).toEqual({
      event_date: '2021-03-02',
      kind: 'samarbeidsmote',
      version: event.version + 1,
    });
  });

  it('refuses a stale edit or deactivation of a team member', async () => {
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    // Changing team members is an administrator's: the second PC signs in as one too.
    await okAsync(second, 'session:sign-out', {});
    await okAsync(second, 'session:sign-in', { username: t.member!.username, password: TEST_PASSWORD });
    await t.okAsync('team-members:update', { id: jonas.id, version: jonas.version, displayName: 'Jonas Berg-Hansen', initials: 'JBH', role: 'teammedlem' });
    expect(
      await callAsync(second, 'team-members:update', {
        id: jonas.id,
        version: jonas.version,
        displayName: 'Jonas Bergh',
        initials: 'JB',
        role: 'administrator',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: `Teammedlemmet ${CONFLICT}` } });
    expect(await callAsync(second, 'team-members:set-active', { id: jonas.id, version: jonas.version, active: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Teammedlemmet ${CONFLICT}` },
    });
    expect(other.sqlite.prepare('select display_name, initials, role, active from team_members where id = ?').get(jonas.id)).toEqual({
      display_name: 'Jonas Berg-Hansen',
      initials: 'JBH',
      role: 'teammedlem',
      active: 1,
    });
  });

  it('refuses a stale correction or delete of an evaluation form and keeps the first correction', async () => {
    const created = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-03-01', code: '01/21-ST' });
    const form = await t.okAsync('evaluations:register', {
      caseCode: created.code,
      receivedDate: '2021-03-05',
      consentToContact: null,
      answers: { respekt: 4 },
    });
    await t.okAsync('evaluations:update', { id: form.id, version: form.version, receivedDate: '2021-03-05', consentToContact: true, answers: { respekt: 5 } });
    const stale = { id: form.id, version: form.version, receivedDate: '2021-03-06', consentToContact: false, answers: { respekt: 1 } };
    expect(await callAsync(second, 'evaluations:update', stale)).toEqual({
      ok: false,
      error: { code: 'conflict', message: `Evalueringen ${CONFLICT}`, fieldErrors: { version: `Evalueringen ${CONFLICT}` } },
    });
    expect(await callAsync(second, 'evaluations:delete', { id: form.id, version: form.version })).toMatchObject({ error: { code: 'conflict' } });
    expect(await okAsync(second, 'evaluations:list', { caseId: created.id })).toMatchObject([
      { receivedDate: '2021-03-05', consentToContact: true, answers: { respekt: 5 }, version: form.version + 1 },
    ]);
  });

  it('refuses a stale change of a life domain', async () => {
    const domain = (await t.okAsync('life-domains:list', {}))[0]!;
    await okAsync(second, 'session:sign-out', {});
    await okAsync(second, 'session:sign-in', { username: t.member!.username, password: TEST_PASSWORD });
    await t.okAsync('life-domains:update', { id: domain.id, version: domain.version, name: 'Bolig og bosted' });
    expect(await callAsync(second, 'life-domains:update', { id: domain.id, version: domain.version, retired: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Livsområdet ${CONFLICT}` },
    });
    expect(other.sqlite.prepare('select name, retired_at from life_domains where id = ?').get(domain.id)).toEqual({
      name: 'Bolig og bosted',
      retired_at: null,
    });
  });

  it('refuses archiving a contact changed since it was loaded', async () => {
    const contact = await t.okAsync('contacts:create', { name: 'NAV Steigen', kind: 'nav', area: 'regional' });
    await t.okAsync('contacts:update', { id: contact.id, version: contact.version, name: 'NAV Steigen og Hamarøy', kind: 'nav', area: 'regional' });
    expect(await callAsync(second, 'contacts:archive', { id: contact.id, version: contact.version, archived: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `Kontakten ${CONFLICT}` },
    });
    expect(other.sqlite.prepare('select name, archived_at from contacts where id = ?').get(contact.id)).toEqual({
      name: 'NAV Steigen og Hamarøy',
      archived_at: null,
    });
  });

  it('answers not_found, not conflict, for a record that is gone', async () => {
    const refused = await callAsync(second, 'time-entries:update', {
      id: 999,
      version: 1,
      date: '2021-03-09',
      municipalityId: municipalityId(t, 'Steigen'),
      categoryId: categoryId(t, 1),
      hours: '1',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
