import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TIME_ENTRY_SORT_FIELDS, type TimeEntrySortField } from '@shared/contract/timeEntries';
import type { ChannelInput } from '@shared/contract';
import { createDispatcher } from '../../electron/services/dispatcher';
import { fixedClock } from '../../electron/services/context';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/** A small, varied time log; every expectation below is computed from this table, not from the service. */
interface Made {
  id: number;
  date: string;
  caseCode: string | null;
  municipality: string;
  category: number;
  minutes: number;
  people: ('MS' | 'JB')[];
  createdAt: string;
  /** An entry on another municipality than its case's says why. */
  reason?: string;
}

const LOG: Omit<Made, 'id'>[] = [
  { date: '2020-03-10', caseCode: '01/20-ST', municipality: 'Steigen', category: 3, minutes: 60, people: ['MS'], createdAt: '2020-06-15T12:00:00.000Z' },
  { date: '2020-01-05', caseCode: '01/20-FA', municipality: 'Fauske', category: 1, minutes: 150, people: ['MS', 'JB'], createdAt: '2020-06-15T08:00:00.000Z' },
  { date: '2020-05-20', caseCode: null, municipality: 'Felles', category: 7, minutes: 30, people: ['JB'], createdAt: '2020-06-15T11:00:00.000Z' },
  { date: '2020-02-14', caseCode: '02/20-ST', municipality: 'Steigen', category: 2, minutes: 240, people: ['MS', 'JB'], createdAt: '2020-06-15T09:00:00.000Z' },
  {
    date: '2020-04-01',
    caseCode: '01/20-ST',
    municipality: 'Andre kommuner',
    category: 3,
    minutes: 180,
    people: ['MS'],
    createdAt: '2020-06-15T10:00:00.000Z',
    reason: 'Møte med DPS',
  },
  { date: '2019-12-30', caseCode: null, municipality: 'Sørfold', category: 5, minutes: 90, people: ['MS'], createdAt: '2020-06-15T07:00:00.000Z' },
];

let t: TestDatabase;
let made: Made[];
let memberIds: Record<'MS' | 'JB', number>;
let municipalityOrder: string[];

beforeEach(async () => {
  t = await createTestDatabase();
  memberIds = { MS: t.member!.id, JB: (await t.addMember('jonas', 'Jonas Berg', 'JB')).id };
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-01-02' });
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-01-03' });
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2020-01-03' });
  municipalityOrder = (await t.okAsync('municipalities:list', {})).map((m) => m.name);
  made = [];
  for (const e of LOG) {
    // Each entry is made at its own moment, so that creation order differs from id order.
    const at = createDispatcher({ db: t.db, clock: fixedClock(e.createdAt), session: t.dispatcher.session });
    const result = await at.dispatchAsync('time-entries:create', {
      date: e.date,
      caseCode: e.caseCode,
      municipalityId: municipalityId(t, e.municipality),
      categoryId: categoryId(t, e.category),
      hours: e.minutes / 60,
      participantIds: e.people.map((p) => memberIds[p]),
      municipalityOverrideReason: e.reason ?? null,
    });
    if (!result.ok) throw new Error(result.error.message);
    made.push({ ...e, id: (result.value as { id: number }).id });
  }
});
afterEach(() => t.close());

const list = (input: ChannelInput<'time-entries:list'>) => t.okAsync('time-entries:list', input);
const ids = async (input: ChannelInput<'time-entries:list'>) => (await list(input)).rows.map((r) => r.id);

const sortKey: Record<TimeEntrySortField, (e: Made) => string | number> = {
  date: (e) => e.date,
  caseCode: (e) => e.caseCode ?? '', // no case first when ascending, as SQL sorts NULL
  municipality: (e) => municipalityOrder.indexOf(e.municipality),
  category: (e) => e.category,
  minutes: (e) => e.minutes,
  createdAt: (e) => e.createdAt,
};

function expectedOrder(field: TimeEntrySortField, direction: 'asc' | 'desc', entries = made): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  const key = sortKey[field];
  // Within a case, municipality or category the list runs by date, then by id, all in one direction.
  const thenByDate = field === 'caseCode' || field === 'municipality' || field === 'category';
  const compare = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return [...entries].sort((a, b) => sign * (compare(key(a), key(b)) || (thenByDate ? compare(a.date, b.date) : 0) || a.id - b.id)).map((e) => e.id);
}

function totalsOf(entries: Made[]) {
  return {
    entries: entries.length,
    minutes: entries.reduce((sum, e) => sum + e.minutes, 0),
    personMinutes: entries.reduce((sum, e) => sum + e.minutes * e.people.length, 0),
  };
}

describe('time-entries:list', () => {
  it('lists newest date first by default, with participants and totals for everything', async () => {
    const page = await list({});
    expect(page.rows.map((r) => r.id)).toEqual(expectedOrder('date', 'desc'));
    expect(page.total).toBe(LOG.length);
    expect(page.totals).toEqual(totalsOf(made));
    // Two entries with two people: person-minutes exceed clock minutes by exactly their minutes.
    expect(page.totals.personMinutes - page.totals.minutes).toBe(150 + 240);
    const shared = page.rows.find((r) => r.id === made[1]!.id)!;
    expect(shared.participants.map((p) => p.initials).sort()).toEqual(['JB', 'MS']);
  });

  it.each(TIME_ENTRY_SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((direction) => [field, direction] as const)))(
    'sorts by %s %s',
    async (field, direction) => {
      expect(await ids({ sort: { field, direction } })).toEqual(expectedOrder(field, direction));
    },
  );

  it('pages through the same order, with totals for all pages', async () => {
    const all = expectedOrder('minutes', 'asc');
    const pages = [];
    for (const page of [0, 1, 2]) pages.push(await list({ page, pageSize: 2, sort: { field: 'minutes', direction: 'asc' } }));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
    for (const [index, page] of pages.entries()) {
      expect(page).toMatchObject({ page: index, pageSize: 2, total: LOG.length, totals: totalsOf(made) });
      expect(page.rows).toHaveLength(2);
    }
    expect((await list({ page: 3, pageSize: 2 })).rows).toEqual([]);
    expect((await list({ page: 1, pageSize: 4 })).rows).toHaveLength(2);
  });

  it.each(['asc', 'desc'] as const)('pages sorted by case (%s) with a filter: entries without a case at the NULL end', async (direction) => {
    const kept = made.filter((e) => e.date >= '2020-01-01');
    const pages = [];
    for (const page of [0, 1, 2]) pages.push(await list({ page, pageSize: 2, filter: { from: '2020-01-01' }, sort: { field: 'caseCode', direction } }));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expectedOrder('caseCode', direction, kept));
    expect(pages[0]!.total).toBe(kept.length);
  });

  const filters: [string, () => ChannelInput<'time-entries:list'>['filter'], (e: Made) => boolean][] = [
    ['from', () => ({ from: '2020-03-10' }), (e) => e.date >= '2020-03-10'],
    ['to', () => ({ to: '2020-02-14' }), (e) => e.date <= '2020-02-14'],
    ['from and to (one year)', () => ({ from: '2020-01-01', to: '2020-12-31' }), (e) => e.date.startsWith('2020')],
    ['caseCode (whole, lower case)', () => ({ caseCode: '01/20-st' }), (e) => e.caseCode === '01/20-ST'],
    ['caseCode (part)', () => ({ caseCode: '20-ST' }), (e) => e.caseCode?.endsWith('20-ST') ?? false],
    ['municipalityId', () => ({ municipalityId: municipalityId(t, 'Steigen') }), (e) => e.municipality === 'Steigen'],
    ['categoryId', () => ({ categoryId: categoryId(t, 3) }), (e) => e.category === 3],
    ['teamMemberId', () => ({ teamMemberId: memberIds.JB }), (e) => e.people.includes('JB')],
    [
      'several at once',
      () => ({ teamMemberId: memberIds.MS, categoryId: categoryId(t, 3), to: '2020-03-31' }),
      (e) => e.people.includes('MS') && e.category === 3 && e.date <= '2020-03-31',
    ],
    ['nothing matching', () => ({ caseCode: '09/20-BE' }), () => false],
  ];

  it.each(filters)('filters by %s, with totals for the filtered rows', async (_name, filter, keep) => {
    const expected = made.filter(keep);
    const page = await list({ filter: filter(), sort: { field: 'date', direction: 'asc' } });
    expect(page.rows.map((r) => r.id)).toEqual(expectedOrder('date', 'asc', expected));
    expect(page.total).toBe(expected.length);
    expect(page.totals).toEqual(totalsOf(expected));
  });

  it('refuses a «to» date before the «from» date', async () => {
    const result = await t.callAsync('time-entries:list', { filter: { from: '2020-05-01', to: '2020-04-01' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { 'filter.to': 'Til dato kan ikke være før fra dato' } } });
  });
});
