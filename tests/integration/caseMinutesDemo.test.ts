import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { createDemoData } from '../../electron/cli/demo/createDemoData';
import { DEFAULT_DEMO_SEED } from '../../electron/cli/commandSpecs';
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher';
import type { ChannelInput, ChannelOutput } from '@shared/contract';

/**
 * The case list reads each case's minutes from the column migration 0017 keeps. On the demo team's
 * history it must give what summing the entries on every call gave: the same minutes on every case, and
 * the same order when sorted by them.
 */
const dir = mkdtempSync(join(tmpdir(), 'ettervern-case-minutes-'));
let db: AppDatabase;
let dispatcher: Dispatcher;

beforeAll(async () => {
  db = await openDatabase(join(dir, 'demo.sqlite'));
  await createDemoData({ db }, { toYear: 2022, seed: DEFAULT_DEMO_SEED });
  const admin = db.sqlite.prepare("select id, username from team_members where role = 'administrator' order by id limit 1").get() as {
    id: number;
    username: string;
  };
  dispatcher = createDispatcher({ db, session: { actor: { ...admin, role: 'administrator' } } });
}, 600_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function call<C extends 'cases:list' | 'cases:page'>(channel: C, input: ChannelInput<C>): ChannelOutput<C> {
  const result = dispatcher.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as ChannelOutput<C>;
}

/** Each case's minutes as the list computed them before 0017: a sum over its entries. */
function summedMinutes(): Map<number, number> {
  const rows = db.sqlite
    .prepare('select c.id, coalesce((select sum(t.minutes) from time_entries t where t.case_id = c.id), 0) as minutes from cases c')
    .all() as {
    id: number;
    minutes: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.minutes]));
}

describe('case minutes kept by triggers, on the demo database', () => {
  it('cases:list shows every case with the minutes a fresh sum of its entries gives', () => {
    const summed = summedMinutes();
    const listed = call('cases:list', {});
    expect(listed.length).toBe(summed.size);
    expect(listed.filter((c) => c.minutes > 0).length).toBeGreaterThan(50);
    expect(new Map(listed.map((c) => [c.id, c.minutes]))).toEqual(summed);
  });

  it.each(['asc', 'desc'] as const)('cases:page sorted by hours (%s) pages through the cases in the order the summed minutes give', (direction) => {
    const summed = summedMinutes();
    const sign = direction === 'asc' ? 1 : -1;
    const expected = [...summed].sort(([a, am], [b, bm]) => sign * (am - bm || a - b)).map(([id]) => id);
    const pageSize = 50;
    const seen: number[] = [];
    for (let page = 0; page * pageSize < expected.length; page++) {
      const result = call('cases:page', { page, pageSize, sort: { field: 'minutes', direction } });
      expect(result.total).toBe(expected.length);
      for (const row of result.rows) expect(row.minutes).toBe(summed.get(row.id));
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
  });
});
