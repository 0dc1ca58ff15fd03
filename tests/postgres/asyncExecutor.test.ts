import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postgresDb, type Db, type PostgresDb } from '../../electron/db/engine';
import { TransactionConflictError } from '../../electron/db/errors';
import { all, first, readSnapshot, run, transaction } from '../../electron/db/query';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * electron/db/query.ts on PostgreSQL: writes in SERIALIZABLE transactions on one pool client, one team's
 * writes queued behind each other, run again when the server aborts them for a serialization failure, and
 * given up with a clear error after the limit; read snapshots in REPEATABLE READ, READ ONLY.
 */
let server: TestPostgresDatabase;
let db: PostgresDb;
beforeAll(async () => {
  server = await freshPostgresDatabase();
  db = postgresDb(server);
});
afterAll(() => server.drop());
beforeEach(async () => {
  await sql`delete from settings where key like 'test.%'`.execute(server.kysely);
});

const NOW = '2020-06-15T10:00:00.000Z';
// A setting's key is unique per team on PostgreSQL (migration 0019), so the conflict names the team too.
const put = (handle: Db, key: string, value: number) =>
  run(
    handle,
    sql`insert into settings (key, value, updated_at) values (${key}, ${JSON.stringify(value)}, ${NOW})
      on conflict (team_id, key) do update set value = excluded.value`,
  );
const valueOf = async (handle: Db, key: string) => {
  const row = await first(handle, handle.kysely.selectFrom('settings').select('value').where('key', '=', key));
  return row ? (JSON.parse(row.value) as number) : undefined;
};
const sumOf = async (handle: Db) =>
  (await all(handle, handle.kysely.selectFrom('settings').select('value').where('key', 'like', 'test.%'))).reduce(
    (s, r) => s + (JSON.parse(r.value) as number),
    0,
  );

describe('the async executor on PostgreSQL', () => {
  it('commits a write and rolls every row back when the work throws', async () => {
    await transaction(db, async (tx) => {
      await put(tx, 'test.kept', 1);
    });
    await expect(
      transaction(db, async (tx) => {
        await put(tx, 'test.gone', 1);
        await put(tx, 'test.kept', 2);
        throw new Error('stopp');
      }),
    ).rejects.toThrow('stopp');
    expect(await valueOf(db, 'test.kept')).toBe(1);
    expect(await valueOf(db, 'test.gone')).toBeUndefined();
    expect(server.pool.idleCount + server.pool.waitingCount).toBe(server.pool.totalCount);
  });

  it('runs every statement of the work on the transaction’s own client, at the isolation level asked for', async () => {
    const level = (handle: Db) =>
      first(
        handle,
        sql<{
          level: string;
          readOnly: string;
        }>`select current_setting('transaction_isolation') as level, current_setting('transaction_read_only') as "readOnly"`,
      );
    expect(await transaction(db, async (tx) => level(tx))).toEqual({ level: 'serializable', readOnly: 'off' });
    expect(await readSnapshot(db, async (tx) => level(tx))).toEqual({ level: 'repeatable read', readOnly: 'on' });
    await expect(readSnapshot(db, async (tx) => put(tx, 'test.read-only', 1))).rejects.toMatchObject({ code: '25006' });
  });

  it('queues one team’s writes behind each other, so two side by side neither skew nor abort', async () => {
    // Each transaction reads the sum and writes its own row from it. Run side by side without the queue, the
    // server could let only one commit (write skew) and would abort the other. With the queue, the second
    // does not begin until the first has committed, and sees its write.
    await put(db, 'test.a', 1);
    await put(db, 'test.b', 1);
    let releaseFirst!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => (releaseFirst = resolve));
    let runs = 0;
    const writer = (key: string, hold: boolean) =>
      transaction(db, async (tx) => {
        runs += 1;
        const sum = await sumOf(tx);
        if (hold) await firstMayFinish;
        await put(tx, key, sum);
        return sum;
      });
    const first = writer('test.a', true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = writer('test.b', false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The first holds its transaction open: the second is still waiting for its turn.
    expect(runs).toBe(1);
    releaseFirst();
    expect(await Promise.all([first, second])).toEqual([2, 3]);
    expect(runs).toBe(2);
    expect(await sumOf(db)).toBe(5);
  });

  it('reruns a transaction the server aborts for a serialization failure', async () => {
    await put(db, 'test.once', 0);
    const other = new pg.Client({ connectionString: server.url });
    await other.connect();
    let runs = 0;
    try {
      await transaction(
        db,
        async (tx) => {
          runs += 1;
          await valueOf(tx, 'test.once');
          // On the first run only, someone outside the app commits a change to the row after this
          // transaction's snapshot: updating it now fails with 40001, and the helper runs the work again.
          if (runs === 1) await other.query(`update settings set value = '7' where key = 'test.once'`);
          await put(tx, 'test.once', (await valueOf(tx, 'test.once'))! + 1);
        },
        { baseDelayMs: 1 },
      );
    } finally {
      await other.end();
    }
    expect(runs).toBe(2);
    expect(await valueOf(db, 'test.once')).toBe(8);
  });

  it('gives up after the limit with a clear Norwegian error, having saved nothing', async () => {
    await put(db, 'test.contested', 0);
    const other = new pg.Client({ connectionString: server.url });
    await other.connect();
    let runs = 0;
    try {
      const attempt = transaction(
        db,
        async (tx) => {
          runs += 1;
          await valueOf(tx, 'test.contested');
          // A colleague commits a change to the same row after this transaction's snapshot: updating it now
          // is a serialization failure (40001), every time.
          await other.query(`update settings set value = '${runs * 100}' where key = 'test.contested'`);
          await put(tx, 'test.contested', -1);
          await put(tx, 'test.never', 1);
        },
        { attempts: 3, baseDelayMs: 1 },
      );
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TransactionConflictError);
      expect((error as TransactionConflictError).attempts).toBe(3);
      expect((error as Error).message).toBe(
        'Databasen var opptatt med andres lagringer, og endringen gikk ikke gjennom etter 3 forsøk. Ingenting ble lagret. Prøv igjen.',
      );
      expect(((error as Error).cause as { code: string }).code).toBe('40001');
    } finally {
      await other.end();
    }
    expect(runs).toBe(3);
    expect(await valueOf(db, 'test.contested')).toBe(300);
    expect(await valueOf(db, 'test.never')).toBeUndefined();
  });
});
