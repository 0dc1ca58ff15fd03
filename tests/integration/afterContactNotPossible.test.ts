import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/**
 * Resolving an overdue three-month contact (issue 17): held (the case's contact date, as before, with the
 * 8-week rule) or not possible with a reason. Either way Oversikt stops calling it «Forfalt».
 */
let t: TestDatabase;
let caseId: number;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2021-06-15T10:00:00.000Z' });
  const me = t.member!.id;
  caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-11-01', staffIds: [me] }).id;
  t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2020-11-02', assessedById: me, done: true });
  t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2020-12-01' });
  // Due 1 March + 3 months = 1 June: overdue on 15 June.
  t.ok('cases:close', { version: versionOf(t, 'cases', caseId), id: caseId, closedDate: '2021-03-01', closureReason: 'mal_naadd' });
});
afterEach(() => t.close());

type NotPossible = Omit<ChannelInput<'cases:record-after-contact-not-possible'>, 'id' | 'version'>;
const notPossible = (input: NotPossible, version = versionOf(t, 'cases', caseId)) =>
  t.call('cases:record-after-contact-not-possible', { id: caseId, version, ...input });
const overdueIds = async () => (await t.okAsync('overview:get', {})).afterContacts.filter((c) => c.overdue).map((c) => c.id);
const stored = () => t.db.sqlite.prepare('select decided_on, reason, note, version, updated_by from after_contact_not_possible where case_id = ?').get(caseId);
const lastAudit = () =>
  t.db.sqlite.prepare('select action, record_type, record_id, fields from audit_log order by id desc limit 1').get() as Record<string, string>;

describe('an overdue three-month contact', () => {
  it('is listed as overdue with the version a resolution sends back', async () => {
    const [row] = (await t.okAsync('overview:get', {})).afterContacts;
    expect(row).toMatchObject({ id: caseId, dueDate: '2021-06-01', overdue: true, version: versionOf(t, 'cases', caseId) });
  });

  it('recorded as held is no longer overdue, and counts as a held contact', async () => {
    const detail = t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', caseId), id: caseId, contactDate: '2021-06-14' });
    expect(detail).toMatchObject({ status: 'etteroppfolging_utfort', afterContactDate: '2021-06-14', afterContactNotPossible: null });
    expect(await overdueIds()).toEqual([]);
    const figures = (await t.okAsync('statistics:case-figures', { period: { year: 2021 } })).total;
    expect(figures).toMatchObject({ closed: 1, closedWithAfterContact: 1 });
  });

  it('cannot be recorded as held sooner than 8 weeks after closure', async () => {
    const result = t.call('cases:record-after-contact', { version: versionOf(t, 'cases', caseId), id: caseId, contactDate: '2021-04-20' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors.contactDate).toMatch(/tidligst registreres 8 uker etter avslutningen/);
    expect(await overdueIds()).toEqual([caseId]);
  });

  it('recorded as not possible keeps the case closed, says why, and is no longer overdue', async () => {
    const before = versionOf(t, 'cases', caseId);
    const result = notPossible({ date: '2021-06-10', notPossibleReason: 'fikk_ikke_kontakt', note: 'Tre forsøk på telefon' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      status: 'avsluttet',
      afterContactDate: null,
      afterContactNotPossible: { date: '2021-06-10', reason: 'fikk_ikke_kontakt', note: 'Tre forsøk på telefon' },
      version: before + 1,
    });
    expect(stored()).toEqual({ decided_on: '2021-06-10', reason: 'fikk_ikke_kontakt', note: 'Tre forsøk på telefon', version: 1, updated_by: t.member!.id });
    expect(await overdueIds()).toEqual([]);
    expect((await t.okAsync('overview:get', {})).afterContacts).toEqual([]);
  });

  it('is audited as a change of the case, naming the fields and never the note', () => {
    notPossible({ date: '2021-06-10', notPossibleReason: 'annet', note: 'Flyttet til Bodø' });
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'update', record_type: 'case', record_id: String(caseId) });
    expect(JSON.parse(audit.fields!)).toEqual(['date', 'notPossibleReason', 'note']);
    expect(JSON.stringify(audit)).not.toMatch(/Bodø|annet|2021-06-10/);
  });

  it('can be corrected: a second answer replaces the first and raises its version', () => {
    notPossible({ date: '2021-06-10', notPossibleReason: 'fikk_ikke_kontakt' });
    expect(notPossible({ date: '2021-06-12', notPossibleReason: 'flyttet', note: null }).ok).toBe(true);
    expect(stored()).toMatchObject({ decided_on: '2021-06-12', reason: 'flyttet', note: null, version: 2 });
    expect(t.db.sqlite.prepare('select count(*) from after_contact_not_possible').pluck().get()).toBe(1);
  });

  it('is refused with a stale case version, naming who changed it, and nothing is saved', async () => {
    const stale = versionOf(t, 'cases', caseId);
    t.ok('cases:set-closure-note', { version: stale, id: caseId, closureNote: 'Endret av en kollega' });
    const auditRows = t.count('audit_log');
    const result = notPossible({ date: '2021-06-10', notPossibleReason: 'dod' }, stale);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(result.error.message).toMatch(/^Saken ble endret av .+ Last inn på nytt/);
    }
    expect(stored()).toBeUndefined();
    expect(t.count('audit_log')).toBe(auditRows);
    expect(await overdueIds()).toEqual([caseId]);
  });

  it('refuses a date in the future or before the closure, an unknown reason, and a long note', () => {
    const fieldOf = (input: NotPossible) => {
      const result = notPossible(input);
      return result.ok ? null : result.error.fieldErrors;
    };
    expect(fieldOf({ date: '2021-06-16', notPossibleReason: 'dod' })).toEqual({ date: 'Datoen kan ikke være fram i tid' });
    expect(fieldOf({ date: '2021-02-28', notPossibleReason: 'dod' })).toEqual({ date: 'Datoen kan ikke være før avslutningen (01.03.2021)' });
    expect(fieldOf({ date: '2021-06-10', notPossibleReason: 'glemt' as never })?.notPossibleReason).toMatch(/Velg hvorfor etteroppfølgingen ikke var mulig/);
    expect(fieldOf({ date: '2021-06-10', notPossibleReason: 'annet', note: 'x'.repeat(201) })?.note).toBeTruthy();
    expect(stored()).toBeUndefined();
  });

  it('is refused on a case that is not closed, and on one whose contact was held', () => {
    t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', caseId), id: caseId, contactDate: '2021-06-14' });
    const held = notPossible({ date: '2021-06-14', notPossibleReason: 'flyttet' });
    expect(held.ok ? null : held.error.message).toBe('Etteroppfølgingen er allerede registrert som utført.');
    t.ok('cases:reopen', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-06-15' });
    const open = notPossible({ date: '2021-06-15', notPossibleReason: 'flyttet' });
    expect(open.ok ? null : open.error.message).toBe('Etteroppfølgingen registreres på en avsluttet sak.');
    expect(stored()).toBeUndefined();
  });

  it('gives way to a contact held after all, and goes when the case is reopened', () => {
    notPossible({ date: '2021-06-02', notPossibleReason: 'fikk_ikke_kontakt' });
    const held = t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', caseId), id: caseId, contactDate: '2021-06-14' });
    expect(held.afterContactNotPossible).toBeNull();
    expect(stored()).toBeUndefined();

    t.ok('cases:reopen', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-06-15' });
    t.ok('cases:close', { version: versionOf(t, 'cases', caseId), id: caseId, closedDate: '2021-06-15', closureReason: 'overfort' });
    notPossible({ date: '2021-06-15', notPossibleReason: 'dod' });
    t.ok('cases:reopen', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-06-15' });
    expect(stored()).toBeUndefined();
  });

  it('counts apart from held contacts in the case figures', async () => {
    notPossible({ date: '2021-06-10', notPossibleReason: 'onsket_ikke_kontakt' });
    const figures = (await t.okAsync('statistics:case-figures', { period: { year: 2021 } })).total;
    expect(figures).toMatchObject({ closed: 1, closedWithAfterContact: 0, closedAfterContactNotPossible: 1 });
  });
});
