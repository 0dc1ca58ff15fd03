import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

/**
 * Wrong data stopped in the services, whoever calls them: an entry on a case follows the case's
 * municipality unless a reason is given, a likely duplicate and a date more than a year back are asked
 * about, a date before the case's referral is refused. TEST_NOW is 2020-06-15 in Norway.
 */
let t: TestDatabase;
let saltdal: number;
let fauske: number;
let caseCode: string;

beforeEach(async () => {
  t = await createTestDatabase();
  saltdal = municipalityId(t, 'Saltdal');
  fauske = municipalityId(t, 'Fauske');
  caseCode = t.ok('cases:create', { municipalityId: saltdal, referralDate: '2020-03-01' }).code;
});
afterEach(() => t.close());

const entry = (overrides: Partial<ChannelInput<'time-entries:create'>> = {}): ChannelInput<'time-entries:create'> => ({
  date: '2020-03-02',
  caseCode,
  municipalityId: saltdal,
  categoryId: categoryId(t, 1),
  hours: '1,5',
  ...overrides,
});

async function refusedWithoutWriting(input: ChannelInput<'time-entries:create'>) {
  const before = t.counts();
  const result = await t.callAsync('time-entries:create', input);
  expect(t.counts()).toEqual(before);
  if (result.ok) throw new Error('Expected a refusal');
  return result.error;
}

describe('an entry on a case takes the case’s municipality', () => {
  it('refuses another municipality without a reason, naming the case’s municipality', async () => {
    expect(await refusedWithoutWriting(entry({ municipalityId: fauske }))).toEqual({
      code: 'validation',
      message: 'Saken hører til Saltdal. Velg Saltdal, eller skriv hvorfor timene skal føres på en annen kommune',
      fieldErrors: { municipalityOverrideReason: 'Saken hører til Saltdal. Velg Saltdal, eller skriv hvorfor timene skal føres på en annen kommune' },
    });
    expect((await refusedWithoutWriting(entry({ municipalityId: fauske, municipalityOverrideReason: '   ' }))).code).toBe('validation');
  });

  it('takes another municipality with a reason, keeps the reason, shows it in the list and audits the field name only', async () => {
    const saved = await t.okAsync('time-entries:create', entry({ municipalityId: fauske, municipalityOverrideReason: ' Møte på Fauske rådhus ' }));
    expect(saved).toMatchObject({ municipalityName: 'Fauske', municipalityOverrideReason: 'Møte på Fauske rådhus' });
    expect((await t.okAsync('time-entries:list', {})).rows[0]).toMatchObject({ id: saved.id, municipalityOverrideReason: 'Møte på Fauske rådhus' });
    const audit = t.db.sqlite
      .prepare("select fields from audit_log where record_type = 'time_entry' and record_id = ?")
      .pluck()
      .get(String(saved.id)) as string;
    expect(JSON.parse(audit)).toContain('municipalityOverrideReason');
    expect(audit).not.toContain('rådhus');
  });

  it('stores no reason when the entry follows its case, or has no case', async () => {
    expect((await t.okAsync('time-entries:create', entry({ municipalityOverrideReason: 'unødvendig' }))).municipalityOverrideReason).toBeNull();
    const shared = await t.okAsync('time-entries:create', entry({ caseCode: null, municipalityId: fauske, municipalityOverrideReason: 'unødvendig' }));
    expect(shared.municipalityOverrideReason).toBeNull();
  });

  it('asks for a reason when an edit moves the entry off the case’s municipality, and drops it when moved back', async () => {
    const saved = await t.okAsync('time-entries:create', entry());
    const moved = await t.callAsync('time-entries:update', {
      id: saved.id,
      version: versionOf(t, 'time_entries', saved.id),
      ...entry({ municipalityId: fauske }),
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { municipalityOverrideReason: expect.stringContaining('Saltdal') } } });
    const withReason = await t.okAsync('time-entries:update', {
      id: saved.id,
      version: versionOf(t, 'time_entries', saved.id),
      ...entry({ municipalityId: fauske, municipalityOverrideReason: 'Fauske betaler' }),
    });
    expect(withReason.municipalityOverrideReason).toBe('Fauske betaler');
    const back = await t.okAsync('time-entries:update', { id: saved.id, version: versionOf(t, 'time_entries', saved.id), ...entry() });
    expect(back).toMatchObject({ municipalityName: 'Saltdal', municipalityOverrideReason: null });
  });
});

describe('dates', () => {
  it('refuses a date before the case’s referral, naming both dates', async () => {
    expect(await refusedWithoutWriting(entry({ date: '2020-02-28' }))).toMatchObject({
      code: 'validation',
      fieldErrors: { date: 'Datoen 28.02.2020 er før saken ble henvist (01.03.2020)' },
    });
    expect((await t.okAsync('time-entries:create', entry({ date: '2020-03-01' }))).date).toBe('2020-03-01');
  });

  it('asks before saving a date more than a year back, and saves it when confirmed', async () => {
    const base = entry({ caseCode: null, municipalityId: municipalityId(t, 'Felles'), categoryId: categoryId(t, 7) });
    expect(await refusedWithoutWriting({ ...base, date: '2019-06-14' })).toEqual({
      code: 'needs_confirmation',
      message: 'Datoen 14.06.2019 er mer enn ett år tilbake. Er datoen riktig?',
      fieldErrors: { confirmOldDate: 'Datoen 14.06.2019 er mer enn ett år tilbake. Er datoen riktig?' },
    });
    expect((await refusedWithoutWriting({ ...base, date: '1999-12-03' })).code).toBe('needs_confirmation');
    // Exactly a year back is not «more than a year».
    expect((await t.okAsync('time-entries:create', { ...base, date: '2019-06-15' })).date).toBe('2019-06-15');
    expect((await t.okAsync('time-entries:create', { ...base, date: '2019-06-14', confirmOldDate: true })).date).toBe('2019-06-14');
  });

  it('still refuses more than a week ahead', async () => {
    expect((await refusedWithoutWriting(entry({ date: '2020-06-23' }))).fieldErrors).toEqual({ date: 'Dato kan ikke være mer enn en uke fram i tid' });
  });
});

describe('a likely duplicate', () => {
  it('asks before saving the same date, case, category and duration for the same member, and saves when confirmed', async () => {
    await t.okAsync('time-entries:create', entry());
    const asked = await refusedWithoutWriting(entry());
    expect(asked).toEqual({
      code: 'needs_confirmation',
      message:
        'Det finnes allerede en registrering 02.03.2020 med samme sak, hendelse og tidsbruk (1,5 timer) for de samme deltakerne. Er dette en ny registrering?',
      fieldErrors: { confirmDuplicate: asked.message },
    });
    expect((await t.okAsync('time-entries:create', entry({ confirmDuplicate: true }))).minutes).toBe(90);
    expect(t.db.sqlite.prepare('select count(*) from time_entries').pluck().get()).toBe(2);
  });

  it('does not ask when anything of it differs, or when it is another member’s entry', async () => {
    await t.okAsync('time-entries:create', entry());
    expect((await t.callAsync('time-entries:create', entry({ hours: '2' }))).ok).toBe(true);
    expect((await t.callAsync('time-entries:create', entry({ date: '2020-03-03' }))).ok).toBe(true);
    expect((await t.callAsync('time-entries:create', entry({ categoryId: categoryId(t, 2) }))).ok).toBe(true);
    expect((await t.callAsync('time-entries:create', entry({ caseCode: null }))).ok).toBe(true);
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    expect((await t.callAsync('time-entries:create', entry({ participantIds: [jonas.id] }))).ok).toBe(true);
  });

  it('asks once for both questions when both apply', async () => {
    const old = entry({ caseCode: null, municipalityId: fauske, date: '2019-01-07' });
    await t.okAsync('time-entries:create', { ...old, confirmOldDate: true });
    const asked = await refusedWithoutWriting(old);
    expect(Object.keys(asked.fieldErrors).sort()).toEqual(['confirmDuplicate', 'confirmOldDate']);
    expect((await t.callAsync('time-entries:create', { ...old, confirmOldDate: true })).ok).toBe(false);
    expect((await t.callAsync('time-entries:create', { ...old, confirmOldDate: true, confirmDuplicate: true })).ok).toBe(true);
  });

  it('is looked up by the case and the day, not by every entry of the case with that duration', async () => {
    // Every statement the save prepares; the duplicate lookup is the one joining the participants on minutes.
    const prepared: string[] = [];
    const prepare = t.db.sqlite.prepare.bind(t.db.sqlite);
    t.db.sqlite.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof t.db.sqlite.prepare;
    try {
      await t.okAsync('time-entries:create', entry());
      await t.okAsync('time-entries:create', entry({ caseCode: null, municipalityId: fauske }));
    } finally {
      t.db.sqlite.prepare = prepare as typeof t.db.sqlite.prepare;
    }
    const lookups = prepared.filter((source) => /time_entry_participants/.test(source) && /"minutes"/.test(source) && /limit/i.test(source));
    expect(lookups.length).toBeGreaterThan(0);
    for (const source of lookups) {
      const plan = t.db.sqlite
        .prepare(`explain query plan ${source}`)
        .all(
          ...source
            .split('?')
            .slice(1)
            .map(() => 1),
        )
        .map((row) => (row as { detail: string }).detail)
        .join('; ');
      // Either two-column index that pins the day (case or category, then date) finds a day's few entries.
      expect(plan).toMatch(/SEARCH t USING INDEX time_entries_by_(case|category) \((case|category)_id=\? AND entry_date=\?\)/);
      expect(plan).not.toContain('time_entries_case_minutes');
    }
  });

  it('is not asked about when an edit changes only the reason, nor about the entry itself', async () => {
    const saved = await t.okAsync('time-entries:create', entry({ municipalityId: fauske, municipalityOverrideReason: 'Første' }));
    const edited = await t.okAsync('time-entries:update', {
      id: saved.id,
      version: versionOf(t, 'time_entries', saved.id),
      ...entry({ municipalityId: fauske, municipalityOverrideReason: 'Andre', hours: '2' }),
    });
    expect(edited).toMatchObject({ minutes: 120, municipalityOverrideReason: 'Andre' });
  });
});

describe('the time-sheet import holds rows on a case to the same rules', () => {
  it('refuses a row on another member municipality and a row before the referral, with the reason; keeps «Andre kommuner»', async () => {
    const bytes = await workbookBytes({
      Ark1: [
        ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
        [caseCode, '02.03.2020', 'Saltdal', '1', 1],
        [caseCode, '03.03.2020', 'Fauske', '1', 1],
        [caseCode, '27.02.2020', 'Saltdal', '1', 1],
        [caseCode, '04.03.2020', 'Andre kommuner', '3', 1],
      ],
    });
    const preview = await t.okAsync('timesheet:read-file', { jobId: 'regler-1234', fileName: 'Timeliste.xlsx', contentBase64: bytes.toString('base64') });
    expect(preview.rowsToImport).toBe(2);
    expect(preview.rejected).toEqual([
      { sheet: 'Ark1', row: 3, reason: 'Kommune er ikke sakens kommune (Saltdal)' },
      { sheet: 'Ark1', row: 4, reason: 'Datoen 27.02.2020 er før saken ble henvist (01.03.2020)' },
    ]);
  });
});
