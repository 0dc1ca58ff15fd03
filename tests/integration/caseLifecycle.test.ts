import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '@shared/contract';
import { createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/** Every step of a case's life through the dispatcher, and every refusal writing nothing. */
let t: TestDatabase;
let caseId: number;
let jonas: number;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2021-06-15T10:00:00.000Z' });
  jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
  caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-01-10', staffIds: [t.member!.id] }).id;
});
afterEach(() => t.close());

const assess = () =>
  t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-12', assessedById: jonas, done: true });
const tableCounts = () =>
  t.db.sqlite
    .prepare(
      `select (select count(*) from case_transitions) as transitions, (select count(*) from audit_log) as audit,
       (select group_concat(status || coalesce(closed_date, '') || coalesce(start_date, ''), ',') from cases) as cases`,
    )
    .get();

function refused(channel: ChannelName, payload: Record<string, unknown>, field: string, code = 'validation') {
  const before = tableCounts();
  // Sent with the case's current version, as from a freshly loaded case page: only the refusal is tested.
  const result = t.raw(channel, { ...payload, version: versionOf(t, 'cases', payload.id as number) });
  expect(result).toMatchObject({ ok: false, error: { code, fieldErrors: { [field]: expect.any(String) } } });
  expect(tableCounts()).toEqual(before);
  return result.ok ? '' : result.error.message;
}

describe('the full life of a case', () => {
  it('henvist → institusjonsfase → oppfølging → avsluttet → etteroppfølging utført, with a timeline and audit', async () => {
    assess();
    let detail = t.ok('cases:enter-institution', {
      version: versionOf(t, 'cases', caseId),
      id: caseId,
      date: '2021-01-20',
      institutionKind: 'fengsel',
      institutionName: 'Bodø fengsel',
      expectedDischargeDate: '2021-03-01',
    });
    expect(detail).toMatchObject({ status: 'institusjonsfase', institution: { kind: 'fengsel', name: 'Bodø fengsel', expectedDischargeDate: '2021-03-01' } });
    detail = t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2021-03-03', dischargeDate: '2021-03-02' });
    expect(detail).toMatchObject({ status: 'oppfolging', startDate: '2021-03-03', dischargeDate: '2021-03-02' });
    detail = t.ok('cases:close', {
      version: versionOf(t, 'cases', caseId),
      id: caseId,
      closedDate: '2021-04-12',
      closureReason: 'overfort',
      takeoverService: 'Psykisk helse og rus, Steigen',
    });
    expect(detail).toMatchObject({ status: 'avsluttet', closedDate: '2021-04-12', closureReason: 'overfort', afterContactDue: '2021-07-12' });
    await t.signInAs('jonas');
    detail = t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', caseId), id: caseId, contactDate: '2021-06-14' });
    expect(detail.status).toBe('etteroppfolging_utfort');
    expect(detail.transitions.map((x) => [x.fromStatus, x.toStatus, x.onDate, x.actorName])).toEqual([
      [null, 'henvist', '2021-01-10', 'Marit Solvang'],
      ['henvist', 'institusjonsfase', '2021-01-20', 'Marit Solvang'],
      ['institusjonsfase', 'oppfolging', '2021-03-03', 'Marit Solvang'],
      ['oppfolging', 'avsluttet', '2021-04-12', 'Marit Solvang'],
      ['avsluttet', 'etteroppfolging_utfort', '2021-06-14', 'Jonas Berg'],
    ]);
    const audit = t.db.sqlite.prepare("select action, fields from audit_log where record_type = 'case' and record_id = ? order by id").all(String(caseId));
    expect(audit.map((a) => (a as { action: string }).action)).toEqual(['create', 'update', 'transition', 'transition', 'transition', 'transition']);
  });

  it('may skip the institution phase', () => {
    assess();
    expect(t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2021-01-15' })).toMatchObject({
      status: 'oppfolging',
      institution: null,
      dischargeDate: null,
    });
  });

  it('a referral may be rejected, and then goes nowhere', () => {
    expect(t.ok('cases:reject', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-11' })).toMatchObject({
      status: 'avvist',
      rejectedDate: '2021-01-11',
    });
    refused('cases:start-follow-up', { id: caseId, startDate: '2021-01-15' }, 'status', 'conflict');
    refused('cases:enter-institution', { id: caseId, date: '2021-01-15', institutionKind: 'annet' }, 'status', 'conflict');
  });

  it('a closed case can be reopened, audited, and closed again', () => {
    assess();
    t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2021-01-15' });
    t.ok('cases:close', { version: versionOf(t, 'cases', caseId), id: caseId, closedDate: '2021-03-01', closureReason: 'mal_naadd' });
    const reopened = t.ok('cases:reopen', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-04-01' });
    expect(reopened).toMatchObject({ status: 'oppfolging', closedDate: null, closureReason: null, startDate: '2021-01-15' });
    expect(reopened.transitions.at(-1)).toMatchObject({ fromStatus: 'avsluttet', toStatus: 'oppfolging', reopened: true });
    const last = t.db.sqlite.prepare("select action from audit_log where record_type = 'case' order by id desc limit 1").get();
    expect(last).toEqual({ action: 'reopen' });
    expect(t.ok('cases:close', { version: versionOf(t, 'cases', caseId), id: caseId, closedDate: '2021-05-01', closureReason: 'flyttet' }).status).toBe(
      'avsluttet',
    );
  });

  it('keeps institution details up to date', () => {
    t.ok('cases:enter-institution', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-20', institutionKind: 'behandlingsinstitusjon' });
    const updated = t.ok('cases:update-institution', {
      version: versionOf(t, 'cases', caseId),
      id: caseId,
      institutionKind: 'sykehus_dps',
      institutionName: 'DPS Salten',
      expectedDischargeDate: '2021-07-01',
      dischargeDate: null,
    });
    expect(updated.institution).toMatchObject({ kind: 'sykehus_dps', name: 'DPS Salten', expectedDischargeDate: '2021-07-01', dischargeDate: null });
  });

  it('corrects a code by hand, refusing a code in use or for another municipality', () => {
    t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-02-01' });
    expect(t.ok('cases:correct-code', { version: versionOf(t, 'cases', caseId), id: caseId, code: '07/21-st' })).toMatchObject({
      code: '07/21-ST',
      runningNumber: 7,
    });
    expect(refused('cases:correct-code', { id: caseId, code: '02/21-ST' }, 'code', 'conflict')).toBe('Sakskoden er allerede i bruk');
    refused('cases:correct-code', { id: caseId, code: '07/21-FA' }, 'code');
  });
});

describe('refusals', () => {
  it('will not start follow-up before the risk assessment, and says why', () => {
    const message = refused('cases:start-follow-up', { id: caseId, startDate: '2021-01-15' }, 'risk', 'conflict');
    expect(message).toMatch(/Farlighetsvurderingen må være gjennomført/);
    t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-12', assessedById: jonas, done: false });
    refused('cases:start-follow-up', { id: caseId, startDate: '2021-01-15' }, 'risk', 'conflict');
  });

  it('refuses a risk assessment by an unknown member or dated before the referral', () => {
    refused('cases:record-risk-assessment', { id: caseId, date: '2021-01-12', assessedById: 999, done: true }, 'assessedById');
    refused('cases:record-risk-assessment', { id: caseId, date: '2021-01-01', assessedById: jonas, done: true }, 'date');
  });

  it('asks who assessed only for an assessment carried out', () => {
    expect(refused('cases:record-risk-assessment', { id: caseId, date: '2021-01-12', assessedById: null, done: true }, 'assessedById')).toBe(
      'Velg hvem som vurderte risikoen',
    );
    t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', caseId), id: caseId, date: '2021-01-12', assessedById: null, done: false });
    const stored = t.db.sqlite.prepare('select risk_assessed_by as by, risk_assessment_done as done from cases where id = ?').get(caseId);
    expect(stored).toEqual({ by: null, done: 0 });
  });

  it('refuses discharge before referral, closure before start, dates in the future', () => {
    assess();
    refused('cases:start-follow-up', { id: caseId, startDate: '2021-01-15', dischargeDate: '2021-01-05' }, 'dischargeDate');
    refused('cases:start-follow-up', { id: caseId, startDate: '2021-01-05' }, 'startDate');
    refused('cases:start-follow-up', { id: caseId, startDate: '2021-07-01' }, 'startDate');
    t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2021-02-01' });
    expect(refused('cases:close', { id: caseId, closedDate: '2021-01-20', closureReason: 'annet' }, 'closedDate')).toMatch(/oppfølgingen startet/);
    t.ok('cases:close', { version: versionOf(t, 'cases', caseId), id: caseId, closedDate: '2021-04-01', closureReason: 'annet' });
    refused('cases:record-after-contact', { id: caseId, contactDate: '2021-03-01' }, 'contactDate');
    // The three-month contact asks whether the change lasted: not sooner than 8 weeks after closure.
    expect(refused('cases:record-after-contact', { id: caseId, contactDate: '2021-05-26' }, 'contactDate')).toBe(
      'Tremånederskontakten kan tidligst registreres 8 uker etter avslutningen (01.04.2021), altså fra 27.05.2021',
    );
    refused('cases:reopen', { id: caseId, date: '2021-03-01' }, 'date');
    t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', caseId), id: caseId, contactDate: '2021-05-27' });
  });

  it('refuses jumps that skip required steps', () => {
    refused('cases:close', { id: caseId, closedDate: '2021-04-01', closureReason: 'annet' }, 'status', 'conflict');
    refused('cases:record-after-contact', { id: caseId, contactDate: '2021-04-01' }, 'status', 'conflict');
    refused('cases:reopen', { id: caseId, date: '2021-04-01' }, 'status', 'conflict');
    refused('cases:update-institution', { id: caseId, institutionKind: 'annet' }, 'status', 'conflict');
    assess();
    t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', caseId), id: caseId, startDate: '2021-02-01' });
    refused('cases:reject', { id: caseId, date: '2021-02-02' }, 'status', 'conflict');
    refused('cases:enter-institution', { id: caseId, date: '2021-02-02', institutionKind: 'annet' }, 'status', 'conflict');
    refused('cases:start-follow-up', { id: caseId, startDate: '2021-02-02' }, 'status', 'conflict');
  });

  it('says not_found for a case that does not exist', () => {
    expect(t.call('cases:reject', { version: versionOf(t, 'cases', 4242), id: 4242, date: '2021-02-02' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('imported cases', () => {
  function importCase(): number {
    return Number(
      t.db.sqlite
        .prepare(
          `insert into cases (code, municipality_id, year, running_number, status, referral_date, start_date, closed_date, created_at, updated_at)
           values ('09/20-ST', ?, 2020, 9, 'importert', null, '2020-02-01', null, 'now', 'now')`,
        )
        .run(municipalityId(t, 'Steigen')).lastInsertRowid,
    );
  }

  it('are listed, filterable and can be closed into the lifecycle', () => {
    const id = importCase();
    expect(t.ok('cases:list', { status: 'importert' }).map((c) => c.id)).toEqual([id]);
    expect(t.ok('cases:get', { id })).toMatchObject({ status: 'importert', transitions: [], goals: [] });
    expect(t.ok('cases:close', { version: versionOf(t, 'cases', id), id, closedDate: '2020-12-01', closureReason: 'overfort' }).status).toBe('avsluttet');
  });
});
