import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { all, first, readSnapshot, run, transaction } from '../../electron/db/query';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * electron/db/query.ts on SQLite: statements from the cache, transactions that await between statements,
 * and the per-connection queue that keeps a second transaction out until the first has ended.
 */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ member: false });
});
afterEach(() => t.close());

/** A row of `settings` (any key: the table holds JSON values), read back as the stored JSON. */
const settingValue = async (key: string) => (await first(t.db, t.db.kysely.selectFrom('settings').select('value').where('key', '=', key)))?.value;
const putSetting = (db: typeof t.db, key: string, value: string) =>
  run(
    db,
    db.kysely
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: '2020-06-15T10:00:00.000Z' })
      .onConflict((c) => c.column('key').doUpdateSet({ value: JSON.stringify(value) })),
  );

describe('the async executor on SQLite', () => {
  it('runs a Kysely query and raw sql with the same cached statement each time', async () => {
    const query = t.db.kysely.selectFrom('municipalities').select(['id', 'name']).orderBy('sort_order');
    const rows = await all(t.db, query);
    expect(rows.length).toBeGreaterThan(0);
    expect(await all(t.db, query)).toEqual(rows);
    const { sql } = await import('kysely');
    expect(await first(t.db, sql<{ n: number }>`select count(*) as n from municipalities where id >= ${0}`)).toEqual({ n: rows.length });
  });

  it('commits a write transaction and reports the rows changed', async () => {
    const changes = await transaction(t.db, async (tx) => (await putSetting(tx, 'test.a', 'en')).changes);
    expect(changes).toBe(1);
    expect(await settingValue('test.a')).toBe('"en"');
    expect(t.db.sqlite.inTransaction).toBe(false);
  });

  it('rolls every row back when the work throws, and passes the error on', async () => {
    await expect(
      transaction(t.db, async (tx) => {
        await putSetting(tx, 'test.b', 'en');
        await putSetting(tx, 'test.c', 'to');
        throw new Error('stopp');
      }),
    ).rejects.toThrow('stopp');
    expect(await settingValue('test.b')).toBeUndefined();
    expect(await settingValue('test.c')).toBeUndefined();
    expect(t.db.sqlite.inTransaction).toBe(false);
  });

  it('queues an overlapping transaction until the first has committed', async () => {
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
    const firstTx = transaction(t.db, async (tx) => {
      order.push('first begins');
      await putSetting(tx, 'test.queue', 'first');
      // A real wait (a timer, not a settled promise): the second transaction has every chance to start.
      await firstMayEnd;
      order.push('first ends');
    });
    const secondTx = transaction(t.db, async (tx) => {
      order.push(`second sees ${JSON.parse((await settingValue('test.queue'))!)}`);
      await putSetting(tx, 'test.queue', 'second');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['first begins']);
    releaseFirst();
    await Promise.all([firstTx, secondTx]);
    expect(order).toEqual(['first begins', 'first ends', 'second sees first']);
    expect(await settingValue('test.queue')).toBe('"second"');
  });

  it('runs the next queued transaction after one that failed', async () => {
    const failed = transaction(t.db, async () => {
      throw new Error('feil');
    });
    const next = transaction(t.db, async (tx) => putSetting(tx, 'test.after', 'ja'));
    await expect(failed).rejects.toThrow('feil');
    await next;
    expect(await settingValue('test.after')).toBe('"ja"');
  });

  it('joins an open transaction instead of waiting for it, and refuses a write inside a read snapshot', async () => {
    await transaction(t.db, async (tx) => {
      await transaction(tx, async (inner) => putSetting(inner, 'test.nested', 'ja'));
      expect(
        await readSnapshot(
          tx,
          async (inner) => (await first(inner, inner.kysely.selectFrom('settings').select('value').where('key', '=', 'test.nested')))?.value,
        ),
      ).toBe('"ja"');
    });
    expect(await settingValue('test.nested')).toBe('"ja"');
    await expect(readSnapshot(t.db, (tx) => transaction(tx, async () => 'skrevet'))).rejects.toThrow('cannot run inside a read snapshot');
  });

  it('takes the write lock at BEGIN for a write and only a read lock for a snapshot', async () => {
    const statements: string[] = [];
    const watched = await createTestDatabase({ member: false, open: { verbose: (sql) => statements.push(String(sql)) } });
    try {
      await transaction(watched.db, async () => undefined);
      await readSnapshot(watched.db, async () => undefined);
      expect(statements.filter((s) => /^(BEGIN|COMMIT|ROLLBACK)/.test(s))).toEqual(['BEGIN IMMEDIATE', 'COMMIT', 'BEGIN', 'COMMIT']);
    } finally {
      watched.close();
    }
  });
});
