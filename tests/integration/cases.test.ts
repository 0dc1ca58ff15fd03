import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
let steigen: number;
let fauske: number;

// Referrals cannot lie in the future, and these tests register cases into 2021: «now» is mid-2022.
beforeEach(async () => {
  t = await createTestDatabase({ now: '2022-06-15T10:00:00.000Z' });
  steigen = municipalityId(t, 'Steigen');
  fauske = municipalityId(t, 'Fauske');
});
afterEach(() => t.close());

const create = (municipality: number, referralDate: string, extra: { code?: string; staffIds?: number[] } = {}) =>
  t.ok('cases:create', { municipalityId: municipality, referralDate, ...extra });

describe('referral date', () => {
  it('refuses a referral dated after today in Norway, and accepts today', () => {
    const before = t.counts();
    const tomorrow = t.call('cases:create', { municipalityId: steigen, referralDate: '2022-06-16' });
    expect(tomorrow).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { referralDate: 'Henvisningsdato kan ikke være fram i tid' } } });
    expect(t.counts()).toEqual(before);
    expect(create(steigen, '2022-06-15').code).toBe('01/22-ST');
  });
});

describe('case codes', () => {
  it('numbers cases per municipality and year: 01/20-ST, 02/20-ST, …', () => {
    expect(create(steigen, '2020-03-01').code).toBe('01/20-ST');
    expect(create(steigen, '2020-03-05').code).toBe('02/20-ST');
    expect(create(fauske, '2020-03-05').code).toBe('01/20-FA');
    expect(create(steigen, '2021-01-04').code).toBe('01/21-ST');
    expect(create(steigen, '2020-12-31').code).toBe('03/20-ST');
    const sorfold = create(municipalityId(t, 'Sørfold'), '2020-04-01');
    expect(sorfold).toMatchObject({ code: '01/20-SØ', year: 2020, runningNumber: 1, municipalityName: 'Sørfold', status: 'henvist' });
  });

  it('cases:next-code tells what cases:create will make, and reserves nothing', () => {
    const next = () => t.ok('cases:next-code', { municipalityId: steigen, referralDate: '2020-05-01' }).code;
    expect(next()).toBe('01/20-ST');
    expect(next()).toBe('01/20-ST');
    expect(create(steigen, '2020-05-01').code).toBe('01/20-ST');
    expect(next()).toBe('02/20-ST');
    expect(create(steigen, '2020-05-02').code).toBe('02/20-ST');
    expect(t.ok('cases:next-code', { municipalityId: steigen, referralDate: '2021-05-01' }).code).toBe('01/21-ST');
  });

  it('accepts a hand-corrected code and continues numbering after it', () => {
    create(steigen, '2020-03-01');
    const corrected = create(steigen, '2020-03-02', { code: ' 05/20-st ' });
    expect(corrected).toMatchObject({ code: '05/20-ST', runningNumber: 5 });
    expect(t.ok('cases:next-code', { municipalityId: steigen, referralDate: '2020-06-01' }).code).toBe('06/20-ST');
    expect(create(steigen, '2020-06-01').code).toBe('06/20-ST');
  });

  it('skips a number a hand-corrected code already took', () => {
    create(steigen, '2020-03-01', { code: '01/20-ST' });
    expect(create(steigen, '2020-03-02').code).toBe('02/20-ST');
  });

  it.each(['02/20-ST', '02/20-st', '002/20-ST'])('refuses %j when 02/20-ST exists, with a clear message', (code) => {
    create(steigen, '2020-03-01');
    create(steigen, '2020-03-02');
    const before = t.counts();
    const result = t.call('cases:create', { municipalityId: steigen, referralDate: '2020-03-03', code });
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Sakskoden er allerede i bruk', fieldErrors: { code: 'Sakskoden er allerede i bruk' } },
    });
    expect(t.counts()).toEqual(before);
  });

  it('refuses a hand-corrected code for another municipality or another year', () => {
    const before = t.counts();
    const otherMunicipality = t.call('cases:create', { municipalityId: steigen, referralDate: '2020-03-03', code: '03/20-FA' });
    expect(otherMunicipality).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { code: expect.stringContaining('-ST') } } });
    const otherYear = t.call('cases:create', { municipalityId: steigen, referralDate: '2020-03-03', code: '03/19-ST' });
    expect(otherYear).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { code: expect.stringMatching(/Årstallet/) } } });
    expect(t.counts()).toEqual(before);
  });

  it.each(['Felles', 'Andre kommuner'])('refuses a case for «%s», which is not a member', (name) => {
    const before = t.counts();
    const result = t.call('cases:create', { municipalityId: municipalityId(t, name), referralDate: '2020-03-01' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { municipalityId: expect.stringMatching(/kommunene i samarbeidet/) } },
    });
    expect(t.call('cases:next-code', { municipalityId: municipalityId(t, name), referralDate: '2020-03-01' }).ok).toBe(false);
    expect(t.counts()).toEqual(before);
  });

  it('refuses a Rødøy referral before Rødøy joined on 1 September 2020', () => {
    const rodoy = municipalityId(t, 'Rødøy');
    const before = t.counts();
    const early = t.call('cases:create', { municipalityId: rodoy, referralDate: '2020-08-31' });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { referralDate: 'Rødøy var ikke med i samarbeidet på henvisningsdatoen' } },
    });
    expect(t.counts()).toEqual(before);
    expect(create(rodoy, '2020-09-01').code).toBe('01/20-RØ');
  });

  it('assigns staff, and refuses an unknown staff member without writing', async () => {
    const jonas = await t.addMember('jonas', 'Jonas Berg', 'JB');
    const withStaff = create(steigen, '2020-03-01', { staffIds: [jonas.id, t.member!.id] });
    expect(withStaff.staff.map((s) => s.initials)).toEqual(['JB', 'MS']);
    const before = t.counts();
    const refused = t.call('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', staffIds: [jonas.id, 999] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { staffIds: expect.any(String) } } });
    expect(t.counts()).toEqual(before);
  });
});

describe('cases:list', () => {
  beforeEach(() => {
    create(steigen, '2020-03-01'); // 01/20-ST
    create(steigen, '2020-04-01'); // 02/20-ST
    create(fauske, '2020-04-01'); // 01/20-FA
    create(municipalityId(t, 'Sørfold'), '2020-05-01'); // 01/20-SØ
    create(steigen, '2021-01-10'); // 01/21-ST
  });
  const codes = (input: ChannelInput<'cases:list'>) => t.ok('cases:list', input).map((c) => c.code);

  it('lists the newest year first, then by municipality, newest case first', () => {
    expect(codes({})).toEqual(['01/21-ST', '01/20-FA', '01/20-SØ', '02/20-ST', '01/20-ST']);
  });

  it('filters by municipality, year and status', () => {
    expect(codes({ municipalityId: steigen })).toEqual(['01/21-ST', '02/20-ST', '01/20-ST']);
    expect(codes({ year: 2021 })).toEqual(['01/21-ST']);
    expect(codes({ year: 2020, municipalityId: fauske })).toEqual(['01/20-FA']);
    expect(codes({ status: 'henvist' })).toHaveLength(5);
    expect(codes({ status: 'avsluttet' })).toEqual([]);
  });

  it('searches the code without regard to case, æøå included', () => {
    expect(codes({ search: 'sø' })).toEqual(['01/20-SØ']);
    expect(codes({ search: '02/20' })).toEqual(['02/20-ST']);
    expect(codes({ search: '/21-st' })).toEqual(['01/21-ST']);
    expect(codes({ search: '  ' })).toHaveLength(5);
    expect(codes({ search: 'XX' })).toEqual([]);
  });
});

describe('cases:get', () => {
  it('gives the case with its minutes per category', async () => {
    const mine = create(steigen, '2020-03-01');
    const other = create(steigen, '2020-03-02');
    const entry = async (caseCode: string, category: number, hours: string) =>
      await t.okAsync('time-entries:create', {
        date: '2020-03-10',
        caseCode,
        municipalityId: steigen,
        categoryId: categoryId(t, category),
        hours,
        // Back-filled years before the test's «today», and the same visit twice on purpose.
        confirmOldDate: true,
        confirmDuplicate: true,
      });
    await entry(mine.code, 1, '1,5');
    await entry(mine.code, 1, '1');
    await entry(mine.code, 2, '½');
    await entry(other.code, 1, '3');

    const detail = t.ok('cases:get', { id: mine.id });
    expect(detail.code).toBe('01/20-ST');
    expect(detail.minutes).toBe(90 + 60 + 30);
    expect(detail.minutesByCategory).toEqual([
      { categoryId: categoryId(t, 1), categoryName: 'Brukeroppfølging', minutes: 150, entries: 2 },
      { categoryId: categoryId(t, 2), categoryName: 'Kjøring', minutes: 30, entries: 1 },
    ]);
    expect(t.ok('cases:list', {}).find((c) => c.id === other.id)?.minutes).toBe(180);
  });

  it('says not_found for a case that does not exist', () => {
    expect(t.call('cases:get', { id: 4242 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Saken finnes ikke' } });
  });
});
