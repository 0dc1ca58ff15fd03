import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LastingChangeRowDto } from '@shared/contract';
import { HIDDEN, HIDDEN_LABEL } from '@shared/domain/disclosureControl';
import { activeLifeDomainIds, categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

/**
 * Case figures and lasting change from cases taken through their lives by the services, for 2023, with
 * «now» in 2024 so every date in 2023 may be entered.
 */
let t: TestDatabase;
let jonas: number;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2024-06-15T10:00:00.000Z' });
  jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
});
afterEach(() => t.close());

interface Life {
  municipality: string;
  referral: string;
  staff?: number[];
  institution?: { from: string; discharge?: string };
  start?: string;
  closed?: string;
  afterContact?: string;
  rejected?: string;
}

function caseThrough(life: Life) {
  const created = t.ok('cases:create', {
    municipalityId: municipalityId(t, life.municipality),
    referralDate: life.referral,
    staffIds: life.staff ?? [t.member!.id],
  });
  const id = created.id;
  if (life.rejected) t.ok('cases:reject', { version: versionOf(t, 'cases', id), id, date: life.rejected });
  if (life.institution)
    t.ok('cases:enter-institution', { version: versionOf(t, 'cases', id), id, date: life.institution.from, institutionKind: 'behandlingsinstitusjon' });
  if (life.start) {
    t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', id), id, date: life.referral, assessedById: jonas, done: true });
    t.ok('cases:start-follow-up', {
      version: versionOf(t, 'cases', id),
      id,
      startDate: life.start,
      ...(life.institution?.discharge ? { dischargeDate: life.institution.discharge } : {}),
    });
  }
  if (life.closed) t.ok('cases:close', { version: versionOf(t, 'cases', id), id, closedDate: life.closed, closureReason: 'mal_naadd' });
  if (life.afterContact) t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', id), id, contactDate: life.afterContact });
  return created;
}

const rowOf = async (name: string) => (await t.okAsync('statistics:case-figures', { period: { year: 2023 } })).rows.find((r) => r.municipality === name)!;

describe('case figures per municipality', () => {
  it('counts referred, started, active at year end, closed, closed with the three-month contact and institution phases', async () => {
    // Referred 2022, followed up from 2022, closed in 2023 after 10 weeks, three-month contact done.
    caseThrough({ municipality: 'Steigen', referral: '2022-11-01', start: '2022-12-01', closed: '2023-02-09', afterContact: '2023-05-10' });
    // Referred 2023, institution phase into 2023, started and closed in 2023 after 20 weeks.
    caseThrough({
      municipality: 'Steigen',
      referral: '2023-01-05',
      institution: { from: '2023-01-10', discharge: '2023-03-01' },
      start: '2023-03-02',
      closed: '2023-07-20',
    });
    // Referred 2023, still in follow-up at the year's end.
    caseThrough({ municipality: 'Steigen', referral: '2023-09-01', start: '2023-09-15', staff: [t.member!.id, jonas] });
    // Referred in 2023 and rejected: referred, never active at year end.
    caseThrough({ municipality: 'Steigen', referral: '2023-03-01', rejected: '2023-03-05' });
    // Referred 2023-12-20, waiting at year end: active.
    caseThrough({ municipality: 'Steigen', referral: '2023-12-20', staff: [jonas] });
    // Institution phase that ended in 2022: not an institution-phase case in 2023.
    caseThrough({
      municipality: 'Steigen',
      referral: '2022-01-05',
      institution: { from: '2022-01-10', discharge: '2022-05-01' },
      start: '2022-05-02',
      closed: '2022-12-01',
    });
    // Another municipality, referred in 2024: nothing in 2023.
    caseThrough({ municipality: 'Fauske', referral: '2024-01-03' });

    const steigen = await rowOf('Steigen');
    expect(steigen).toMatchObject({
      referred: 4,
      started: 2,
      activeAtEnd: 2,
      closed: 2,
      closedWithAfterContact: 1,
      institutionPhase: 1,
      // (10 + 20) / 2 weeks would be shown, but two cases are too few: it would be one person's time.
      medianFollowUpWeeks: HIDDEN,
      medianBasis: 2,
    });
    expect(await rowOf('Fauske')).toMatchObject({ referred: 0, started: 0, activeAtEnd: 0, closed: 0, total: 0, medianFollowUpWeeks: null });

    const figures = await t.okAsync('statistics:case-figures', { period: { year: 2023 } });
    expect(figures.units).toEqual({ cases: 'saker', weeks: 'uker' });
    expect(figures.total).toMatchObject({ referred: 4, started: 2, activeAtEnd: 2, closed: 2, medianFollowUpWeeks: HIDDEN });
    // Caseload at year end: Marit is on the September case, Jonas on it and on the December referral.
    expect(figures.caseload.map((c) => [c.initials, c.activeCases])).toEqual([
      ['JB', 2],
      ['MS', 1],
    ]);
  });

  it('takes the median of an odd number of closures as the middle one, and a date range ends on its last day', async () => {
    caseThrough({ municipality: 'Meløy', referral: '2023-01-02', start: '2023-01-02', closed: '2023-01-30' }); // 4 weeks
    caseThrough({ municipality: 'Meløy', referral: '2023-01-02', start: '2023-01-02', closed: '2023-03-27' }); // 12 weeks
    caseThrough({ municipality: 'Meløy', referral: '2023-01-02', start: '2023-01-02', closed: '2023-02-13' }); // 6 weeks
    caseThrough({ municipality: 'Meløy', referral: '2023-01-02', start: '2023-01-02', closed: '2023-02-27' }); // 8 weeks
    caseThrough({ municipality: 'Meløy', referral: '2023-01-02', start: '2023-01-02', closed: '2023-03-13' }); // 10 weeks
    expect(await rowOf('Meløy')).toMatchObject({ closed: 5, medianFollowUpWeeks: { kind: 'count', value: 8 }, medianBasis: 5 });

    // Three closures by the end of February: a median of three is not shown.
    const spring = (await t.okAsync('statistics:case-figures', { period: { from: '2023-01-01', to: '2023-02-28' } })).rows.find(
      (r) => r.municipality === 'Meløy',
    )!;
    expect(spring).toMatchObject({ closed: 3, medianFollowUpWeeks: HIDDEN, medianBasis: 3, activeAtEnd: 2 });
  });

  it('refuses a range that ends before it starts, in Norwegian', async () => {
    const result = await t.callAsync('statistics:case-figures', { period: { from: '2023-05-01', to: '2023-04-30' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(result)).toContain('Fra-datoen må være før eller lik til-datoen');
  });

  it('counts every case with a referral or time logged in the year in total, imported cases included', async () => {
    const referredOnly = caseThrough({ municipality: 'Saltdal', referral: '2023-04-01' });
    const olderWithTime = caseThrough({ municipality: 'Saltdal', referral: '2022-04-01' });
    caseThrough({ municipality: 'Saltdal', referral: '2022-05-01' }); // no time in 2023: not counted
    await t.okAsync('time-entries:create', {
      date: '2023-02-01',
      caseCode: olderWithTime.code,
      municipalityId: municipalityId(t, 'Saltdal'),
      categoryId: categoryId(t, 1),
      hours: 2,
      participantIds: [t.member!.id],
      confirmOldDate: true,
    });
    // An imported case from an old time sheet: no referral date, only time logged in 2023.
    const bytes = await workbookBytes({
      Timer: [
        ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
        ['07/19-SA', '03.02.2023', 'Saltdal', 'Brukeroppfølging', '1,5'],
      ],
    });
    const read = await t.okAsync('timesheet:read-file', { jobId: 'import-case-1', fileName: 'timer.xlsx', contentBase64: bytes.toString('base64') });
    const imported = await t.okAsync('timesheet:import', { jobId: read.jobId });
    expect(imported.casesCreated).toEqual(['07/19-SA']);

    expect(await rowOf('Saltdal')).toMatchObject({ total: 3, referred: 1, activeAtEnd: 3 });
    expect(referredOnly.code).toMatch(/SA$/);
  });
});

/** Rates every active domain of a case at one occasion with the same level. */
function rate(caseId: number, occasion: 'start' | 'avslutning' | 'etteroppfolging', ratedOn: string, levels: (domainIndex: number) => 1 | 2 | 3) {
  const domains = activeLifeDomainIds(t);
  t.ok('cases:rate-domains', {
    version: versionOf(t, 'cases', caseId),
    caseId,
    occasion,
    ratedOn,
    ratings: domains.map((id, i) => ({ domainId: id, level: levels(i) })),
  });
}

function closedRatedCase(startLevel: 1 | 2 | 3, closureLevel: 1 | 2 | 3, afterLevel?: 1 | 2 | 3) {
  const c = caseThrough({
    municipality: 'Fauske',
    referral: '2023-01-02',
    start: '2023-01-09',
    closed: '2023-06-01',
    afterContact: afterLevel ? '2023-09-01' : undefined,
  });
  rate(c.id, 'start', '2023-01-09', () => startLevel);
  rate(c.id, 'avslutning', '2023-06-01', () => closureLevel);
  if (afterLevel) rate(c.id, 'etteroppfolging', '2023-09-01', () => afterLevel);
  return c;
}

const shown = (row: LastingChangeRowDto) => [row.bedre, row.uendret, row.verre, row.total].map((c) => (c.kind === 'count' ? c.value : c.label));

describe('lasting change', () => {
  it('counts directions per domain from start to closure and to three months, under the small-number rule', async () => {
    // Start → closure: 6 better, 5 same, 4 worse. Start → three months (only the 9 with that rating): 9 better.
    for (let i = 0; i < 6; i += 1) closedRatedCase(1, 3, 3);
    for (let i = 0; i < 5; i += 1) closedRatedCase(2, 2, 3);
    for (let i = 0; i < 4; i += 1) closedRatedCase(3, 1);

    const change = await t.okAsync('statistics:lasting-change', { period: { year: 2023 } });
    expect(change.closedCases).toEqual({ kind: 'count', value: 15 });
    const [toClosure, toAfter] = change.comparisons;
    expect(toClosure!.label).toBe('Fra start til avslutning');
    const bolig = toClosure!.rows.find((r) => r.domain === 'Bolig')!;
    // The cell of 4 is never shown; the total would give it back (15 − 6 − 5), so the next smallest (5) is hidden too.
    expect(shown(bolig)).toEqual([6, HIDDEN_LABEL, HIDDEN_LABEL, 15]);
    expect(JSON.stringify(change)).not.toMatch(/"value":4\b/);
    expect(shown(toAfter!.rows.find((r) => r.domain === 'Bolig')!)).toEqual([11, 0, 0, 11]);
  });

  it('hides cells until the hidden ones hold 5, and a whole row under 5', async () => {
    for (let i = 0; i < 7; i += 1) closedRatedCase(1, 2);
    for (let i = 0; i < 2; i += 1) closedRatedCase(2, 2, 1);
    const [toClosure, toAfter] = (await t.okAsync('statistics:lasting-change', { period: { year: 2023 } })).comparisons;
    // 7 + 0 + 2: the 2 and the 0 hold only 2 together, so the 7 is hidden as well; the total stays.
    expect(shown(toClosure!.rows[0]!)).toEqual([HIDDEN_LABEL, HIDDEN_LABEL, HIDDEN_LABEL, 9]);
    // Two cases rated at three months: every cell and the total are hidden, the zeros too.
    expect(shown(toAfter!.rows[0]!)).toEqual([HIDDEN_LABEL, HIDDEN_LABEL, HIDDEN_LABEL, HIDDEN_LABEL]);
  });

  it('leaves out cases closed outside the period', async () => {
    closedRatedCase(1, 3);
    const change = await t.okAsync('statistics:lasting-change', { period: { from: '2023-07-01', to: '2023-12-31' } });
    expect(change.closedCases).toEqual({ kind: 'count', value: 0 });
    expect(shown(change.comparisons[0]!.rows[0]!)).toEqual([0, 0, 0, 0]);
  });
});

describe('export of the case tables', () => {
  it('writes the lasting-change table to .xlsx with the label in place of the hidden cells', async () => {
    for (let i = 0; i < 6; i += 1) closedRatedCase(1, 3);
    for (let i = 0; i < 5; i += 1) closedRatedCase(2, 2);
    for (let i = 0; i < 3; i += 1) closedRatedCase(3, 1);
    const file = await t.okAsync('statistics:export-table', { period: { year: 2023 }, caseTable: 'lastingChangeClosure' });
    expect(file.fileName).toBe('Varig endring fra start til avslutning 2023.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Livsområde', 'Bedre (saker)', 'Uendret (saker)', 'Verre (saker)', 'Vurdert begge ganger (saker)']);
    // 6 + 5 + 3: the 3 and the next smallest (5) are hidden, the total 14 stays.
    expect(sheet.getRow(3).values).toEqual([undefined, 'Bolig', 6, HIDDEN_LABEL, HIDDEN_LABEL, 14]);
  });
});
