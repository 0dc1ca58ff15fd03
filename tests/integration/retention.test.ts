import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import { runRetention } from '../../electron/services/retention/engine';
import { REDUCTION_RULES, type ReductionRule } from '../../electron/services/retention/rules';
import { signedInContextSync } from '../../electron/services/session/actor';
import { runCli } from '../../electron/cli/main';
import type { ApiResult, ChannelOutput } from '@shared/contract';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { categoryId, createTestDatabase, municipalityId, TEST_PASSWORD, TEST_PASSWORD_COST, versionOf, type TestDatabase } from '../support/testDatabase';

/** Five years and a bit after the cases below were closed. */
const LATER = '2025-06-02T10:00:00.000Z';
const SECRET = 'SPORBAR-FRITEKST-7f3a9c';
/** Free text in each of the places the case lifecycle keeps it; every one must be gone after the run. */
const GOAL = 'SPORBART-MAL-51c2';
const RATING_NOTE = 'SPORBAR-MERKNAD-9e0d';
const INSTITUTION = 'SPORBAR-INSTITUSJON-3b7a';
const TAKEOVER = 'SPORBAR-TJENESTE-c4f1';
const EVALUATION = 'SPORBAR-EVALUERING-8d2e';
const OVERRIDE_REASON = 'SPORBAR-BEGRUNNELSE-a61e';
const AFTER_CONTACT_NOTE = 'SPORBAR-ETTERKONTAKT-5d0b';

let t: TestDatabase;
let later: Dispatcher;
let closedId: number;
let openId: number;

beforeEach(async () => {
  t = await createTestDatabase();
  const steigen = municipalityId(t, 'Steigen');
  const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
  const closed = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-02-03', staffIds: [t.member!.id, jonas.id] });
  const open = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-02', staffIds: [jonas.id] });
  closedId = closed.id;
  openId = open.id;
  for (const [date, code] of [
    ['2020-02-10', closed.code],
    ['2020-03-05', closed.code],
    ['2020-03-09', open.code],
  ] as const) {
    await t.okAsync('time-entries:create', {
      date,
      caseCode: code,
      municipalityId: steigen,
      categoryId: categoryId(t, 1),
      hours: '2',
      participantIds: [t.member!.id, jonas.id],
    });
  }
  // Logged on another municipality than the case's, with the member's reason: free text about the case.
  await t.okAsync('time-entries:create', {
    date: '2020-03-06',
    caseCode: closed.code,
    municipalityId: municipalityId(t, 'Andre kommuner'),
    categoryId: categoryId(t, 3),
    hours: '1',
    municipalityOverrideReason: OVERRIDE_REASON,
  });
  t.ok('cases:set-closure-note', { version: versionOf(t, 'cases', closed.id), id: closed.id, closureNote: `Overført. ${SECRET}` });
  t.ok('cases:set-closure-note', { version: versionOf(t, 'cases', open.id), id: open.id, closureNote: 'Pågår' });
  // The closed case goes through its whole life, collecting free text on the way.
  t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', closed.id), id: closed.id, date: '2020-02-04', assessedById: jonas.id, done: true });
  t.ok('cases:enter-institution', {
    version: versionOf(t, 'cases', closed.id),
    id: closed.id,
    date: '2020-02-04',
    institutionKind: 'fengsel',
    institutionName: INSTITUTION,
  });
  t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', closed.id), id: closed.id, startDate: '2020-02-05', dischargeDate: '2020-02-05' });
  t.ok('cases:add-goal', { caseId: closed.id, text: GOAL });
  const domainId = (await t.okAsync('life-domains:list', {}))[0]!.id;
  t.ok('cases:rate-domains', {
    version: versionOf(t, 'cases', closed.id),
    caseId: closed.id,
    occasion: 'start',
    ratedOn: '2020-02-05',
    ratings: [{ domainId, level: 2, note: RATING_NOTE }],
  });
  const nav = await t.okAsync('contacts:create', { name: 'NAV Steigen', kind: 'nav', area: 'regional' });
  t.ok('cases:link-contact', { caseId: closed.id, contactId: nav.id, role: 'samarbeidspartner' });
  t.ok('cases:close', {
    version: versionOf(t, 'cases', closed.id),
    id: closed.id,
    closedDate: '2020-05-01',
    closureReason: 'overfort',
    takeoverService: TAKEOVER,
  });
  await t.okAsync('evaluations:register', {
    caseCode: closed.code,
    receivedDate: '2020-05-20',
    consentToContact: true,
    answers: { helhet: 5, fungerte: EVALUATION },
  });
  t.ok('cases:record-after-contact-not-possible', {
    version: versionOf(t, 'cases', closed.id),
    id: closed.id,
    date: '2020-06-01',
    notPossibleReason: 'flyttet',
    note: AFTER_CONTACT_NOTE,
  });
  later = createDispatcher({ db: t.db, clock: fixedClock(LATER), session: t.dispatcher.session, passwordCost: TEST_PASSWORD_COST });
});
afterEach(() => t.close());

function fileText(): string {
  return ['', '-wal']
    .map((suffix) => `${t.path}${suffix}`)
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('');
}

/** The annual pivot and the case list without staff (staff links are among what retention removes). */
const figures = async (d: Dispatcher) => {
  const cases = d.dispatch('cases:list', { year: 2020 });
  const withoutStaff = cases.ok ? (cases.value as { staff: unknown }[]).map(({ staff: _staff, ...rest }) => rest) : cases;
  return JSON.stringify([await d.dispatchAsync('statistics:annual', { year: 2020 }), withoutStaff]);
};
const staffLinks = () => (t.db.sqlite.prepare('select count(*) as n from case_staff where case_id = ?').get(closedId) as { n: number }).n;

describe('retention', () => {
  it('previews what is due: only closed cases past the retention time, with counts per rule', () => {
    expect(t.ok('retention:preview', {}).cases).toEqual([]);
    const preview = later.dispatch('retention:preview', {});
    expect(preview).toMatchObject({
      ok: true,
      value: {
        retentionYears: 5,
        cutoffDate: '2020-06-02',
        cases: [{ id: closedId, code: '01/20-ST', closedDate: '2020-05-01' }],
        rules: [
          { key: 'cases.closure_note', label: 'Avslutningsnotat (fritekst)', rows: 1 },
          { key: 'cases.free_text', rows: 1 },
          { key: 'case_goals', rows: 1 },
          { key: 'case_domain_ratings.note', rows: 1 },
          { key: 'case_contacts', rows: 1 },
          { key: 'evaluation_answers.text', rows: 1 },
          { key: 'time_entries.municipality_override_reason', rows: 1 },
          { key: 'after_contact_not_possible.note', rows: 1 },
          { key: 'case_staff', label: 'Hvilke teammedlemmer som fulgte opp saken', rows: 2 },
        ],
      },
    });
  });

  it('removes the free text and links, keeps every annual figure, and the text is gone from the file', async () => {
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const text of [SECRET, GOAL, RATING_NOTE, INSTITUTION, TAKEOVER, EVALUATION, OVERRIDE_REASON, AFTER_CONTACT_NOTE]) expect(fileText()).toContain(text);
    const before = await figures(later);

    const run = await later.dispatchAsync('retention:run', { caseIds: [closedId] });
    expect(run).toMatchObject({
      ok: true,
      value: {
        reducedCases: 1,
        rules: [
          { key: 'cases.closure_note', rows: 1 },
          { key: 'cases.free_text', rows: 1 },
          { key: 'case_goals', rows: 1 },
          { key: 'case_domain_ratings.note', rows: 1 },
          { key: 'case_contacts', rows: 1 },
          { key: 'evaluation_answers.text', rows: 1 },
          { key: 'time_entries.municipality_override_reason', rows: 1 },
          { key: 'after_contact_not_possible.note', rows: 1 },
          { key: 'case_staff', rows: 2 },
        ],
        yearsChecked: [2020],
      },
    });

    expect(await figures(later)).toBe(before);
    expect(t.db.sqlite.prepare('select closure_note, reduced_at, status, municipality_id, year from cases where id = ?').get(closedId)).toEqual({
      closure_note: null,
      reduced_at: LATER,
      status: 'avsluttet',
      municipality_id: municipalityId(t, 'Steigen'),
      year: 2020,
    });
    expect(staffLinks()).toBe(0);
    // The open case is untouched.
    expect(t.db.sqlite.prepare('select closure_note from cases where id = ?').get(openId)).toEqual({ closure_note: 'Pågår' });
    for (const text of [SECRET, GOAL, RATING_NOTE, INSTITUTION, TAKEOVER, EVALUATION, OVERRIDE_REASON, AFTER_CONTACT_NOTE])
      expect(fileText()).not.toContain(text);
    // The scale answers stay: they are the yearly evaluation summary.
    expect(t.db.sqlite.prepare('select question_id, value, text_value from evaluation_answers where case_id = ? order by question_id').all(closedId)).toEqual([
      { question_id: 'fungerte', value: null, text_value: null },
      { question_id: 'helhet', value: 5, text_value: null },
    ]);
    // Why the three-month contact was not possible stays: the case figures count it.
    expect(t.db.sqlite.prepare('select reason, note from after_contact_not_possible where case_id = ?').get(closedId)).toEqual({
      reason: 'flyttet',
      note: null,
    });
    // The rating levels stay: they are outcome figures.
    expect(t.db.sqlite.prepare('select level, note from case_domain_ratings where case_id = ?').all(closedId)).toEqual([{ level: 2, note: null }]);
    // Reduced cases are not due again.
    expect(later.dispatch('retention:preview', {})).toMatchObject({ ok: true, value: { cases: [] } });
  });

  it('refuses and rolls back a run whose rules would change past annual figures', async () => {
    const dropsHours: ReductionRule = { key: 'time_entries', label: 'Timer', table: 'time_entries', caseIdColumn: 'case_id', action: { kind: 'delete' } };
    const ctx = signedInContextSync({ db: t.db, actor: t.dispatcher.session.actor, clock: fixedClock(LATER), session: t.dispatcher.session });
    const before = { figures: await figures(later), counts: t.counts(), staff: staffLinks() };
    await expect(runRetention(ctx, { caseIds: [closedId] }, [...REDUCTION_RULES, dropsHours])).rejects.toThrow(
      'Kjøringen ville endret årstallene for tidligere år, og ble stoppet. Ingenting ble endret.',
    );
    expect({ figures: await figures(later), counts: t.counts(), staff: staffLinks() }).toEqual(before);
    expect(fileText()).toContain(SECRET);
  });

  it('counts a rejected case from its rejection date', () => {
    const rejected = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-02' });
    t.ok('cases:reject', { version: versionOf(t, 'cases', rejected.id), id: rejected.id, date: '2020-03-10' });
    const due = later.dispatch('retention:preview', {}) as ApiResult<ChannelOutput<'retention:preview'>>;
    expect(due.ok && due.value.cases.map((c) => [c.id, c.closedDate])).toEqual([
      [rejected.id, '2020-03-10'],
      [closedId, '2020-05-01'],
    ]);
  });

  it('refuses a case that is not due, and a member who is not administrator', async () => {
    const before = t.counts();
    expect(await later.dispatchAsync('retention:run', { caseIds: [openId] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', fieldErrors: { caseIds: expect.any(String) } },
    });
    await t.signInAs('jonas');
    expect(later.dispatch('retention:preview', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await later.dispatchAsync('retention:run', { caseIds: [closedId] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.counts()).toEqual({ ...before, audit_log: before.audit_log + 2 });
  });

  it('the CLI previews with --dry-run and changes nothing', async () => {
    // The CLI's clock is the real one; the closed case is from 2020 and five years have passed since mid-2025.
    let stdout = '';
    let stderr = '';
    process.env[PASSWORD_ENV] = TEST_PASSWORD;
    try {
      const status = await runCli(['retention', '--db', t.path, '--actor', 'marit', '--dry-run'], {
        out: (text) => (stdout += text),
        err: (text) => (stderr += text),
        now: () => new Date(),
      });
      expect(status).toBe(0);
    } finally {
      delete process.env[PASSWORD_ENV];
    }
    expect(JSON.parse(stdout)).toMatchObject({ retentionYears: 5, rules: REDUCTION_RULES.map((rule) => ({ key: rule.key })) });
    expect(stderr).toMatch(/Ingen saker er forfalt|--dry-run: ingenting endret/);
    expect(staffLinks()).toBe(2);
  });
});
