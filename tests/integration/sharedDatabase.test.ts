import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { isMarkedShared } from '../../electron/db/sharing';
import { fixedClock } from '../../electron/services/context';
import { touchPresence } from '../../electron/services/database/presence';
import { createDispatcher, UPGRADED_BY_NEWER, type Dispatcher } from '../../electron/services/dispatcher';
import { UNAVAILABLE_MESSAGE } from '../../electron/services/errors/toApiError';
import { createTestDatabase, municipalityId, TEST_NOW, type TestDatabase } from '../support/testDatabase';

/** Two instances on one shared file: the test's own (t) and a second connection with its own dispatcher. */
let t: TestDatabase;
let other: AppDatabase;
let two: Dispatcher;

beforeEach(async () => {
  t = await createTestDatabase({ open: { remote: true } });
});
afterEach(() => {
  other?.close();
  t.close();
});

async function secondInstance(): Promise<void> {
  other = await openDatabase(t.path, { remote: true });
  two = createDispatcher({ db: other, clock: fixedClock(TEST_NOW), session: { actor: { id: t.member!.id, username: 'marit', role: 'administrator' } } });
}

const newCase = (d: Dispatcher, day: string) => d.dispatch('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: `2020-03-${day}` });
const caseCount = () => t.db.sqlite.prepare('select count(*) from cases').pluck().get() as number;

describe('what other instances do', () => {
  it('database:changes grows when another connection commits, not for our own writes', async () => {
    await secondInstance();
    const start = t.ok('database:changes', {}).changeCount;
    expect(newCase(t.dispatcher, '02').ok).toBe(true);
    expect(t.ok('database:changes', {}).changeCount).toBe(start);
    expect(newCase(two, '03').ok).toBe(true);
    expect(t.ok('database:changes', {})).toEqual({ changeCount: start + 1, presenceCount: 0, upgradedByNewer: false, unavailable: false });
  });

  it('a presence heartbeat from another connection counts as presence, not as a data change; a real write does', async () => {
    await secondInstance();
    const start = t.ok('database:changes', {});
    touchPresence(other, { memberId: t.member!.id, machine: 'PC-2' }, new Date(TEST_NOW));
    expect(t.ok('database:changes', {})).toEqual({ ...start, presenceCount: start.presenceCount + 1 });
    touchPresence(other, { memberId: t.member!.id, machine: 'PC-2' }, new Date(Date.parse(TEST_NOW) + 30_000));
    expect(t.ok('database:changes', {})).toEqual({ ...start, presenceCount: start.presenceCount + 2 });
    // A save (with its heartbeat in between): data changed, every cached answer is stale.
    expect(newCase(two, '03').ok).toBe(true);
    touchPresence(other, { memberId: t.member!.id, machine: 'PC-2' }, new Date(Date.parse(TEST_NOW) + 60_000));
    expect(t.ok('database:changes', {})).toEqual({ ...start, changeCount: start.changeCount + 1, presenceCount: start.presenceCount + 2 });
  });

  it('the shared folder gone (renamed away): a save fails as «Fellesområdet er ikke tilgjengelig», nothing saved; back, it works by itself', () => {
    const before = caseCount();
    const away = `${t.dir}-borte`;
    renameSync(t.dir, away);
    let refused;
    try {
      refused = newCase(t.dispatcher, '05');
    } finally {
      renameSync(away, t.dir);
    }
    expect(refused).toEqual({ ok: false, error: { code: 'unavailable', message: UNAVAILABLE_MESSAGE, fieldErrors: {} } });
    expect(caseCount()).toBe(before);
    // The folder is back: the same connection saves again, nobody had to restart anything.
    expect(newCase(t.dispatcher, '06').ok).toBe(true);
    expect(caseCount()).toBe(before + 1);
  });

  it('refuses every write once another instance has migrated the file to a version this code does not know', async () => {
    await secondInstance();
    expect(newCase(t.dispatcher, '02').ok).toBe(true);
    // The «newer Ettervern» on the other PC: its migration N+1.
    other.sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-framtid', '2030-01-01T00:00:00.000Z')").run();
    const before = caseCount();
    expect(newCase(t.dispatcher, '04')).toEqual({
      ok: false,
      error: { code: 'storage', message: `${UPGRADED_BY_NEWER} Ingenting ble lagret.`, fieldErrors: {} },
    });
    expect(caseCount()).toBe(before);
    expect(t.ok('database:changes', {}).upgradedByNewer).toBe(true);
    // Reading still works: the team can look things up until Ettervern is updated here.
    expect(t.call('cases:list', {}).ok).toBe(true);
  });

  it('a write that waits longer than busy_timeout is refused as busy, with nothing saved; it goes through once the lock is gone', async () => {
    await secondInstance();
    t.db.sqlite.pragma('busy_timeout = 100');
    const before = caseCount();
    other.sqlite.exec('begin immediate');
    const refused = newCase(t.dispatcher, '05');
    expect(refused).toEqual({ ok: false, error: { code: 'busy', message: expect.stringContaining('Databasen er opptatt akkurat nå'), fieldErrors: {} } });
    other.sqlite.exec('commit');
    expect(caseCount()).toBe(before);
    expect(newCase(t.dispatcher, '05').ok).toBe(true);
  });

  it('shows who else has the file open, never this instance, and forgets heartbeats older than two minutes', async () => {
    await secondInstance();
    touchPresence(other, { memberId: t.member!.id, machine: 'KONTOR-2' }, new Date(TEST_NOW));
    touchPresence(t.db, { memberId: t.member!.id, machine: 'KONTOR-1' }, new Date(TEST_NOW));
    expect(t.ok('database:presence', {})).toEqual({ others: [{ name: t.member!.displayName, machine: 'KONTOR-2', lastSeenAt: TEST_NOW }] });
    touchPresence(other, { memberId: null, machine: 'KONTOR-2' }, new Date(Date.parse(TEST_NOW) - 121_000));
    expect(t.ok('database:presence', {})).toEqual({ others: [] });
  });
});

describe('sharing the database', () => {
  it('copies, verifies and marks the file in the folder, then asks to switch; refuses synchronised folders and an existing file', async () => {
    const switched: string[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      clock: fixedClock(TEST_NOW),
      session: t.dispatcher.session,
      switchDatabase: (path) => switched.push(path),
    });
    const folder = join(t.dir, 'Felles');
    mkdirSync(folder);
    const onedrive = join(t.dir, 'OneDrive - Fauske kommune');
    mkdirSync(onedrive);
    expect(await dispatcher.dispatchAsync('database:share', { folder: onedrive })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('OneDrive') },
    });
    const shared = await dispatcher.dispatchAsync('database:share', { folder });
    expect(shared).toEqual({ ok: true, value: { path: join(folder, 'ettervern.sqlite') } });
    expect(switched).toEqual([join(folder, 'ettervern.sqlite')]);
    const copy = await openDatabase(join(folder, 'ettervern.sqlite'));
    expect(isMarkedShared(copy.sqlite)).toBe(true);
    expect(copy.shared).toBe(true);
    expect(copy.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(existsSync(join(folder, 'ettervern.sqlite-wal'))).toBe(false);
    expect(await dispatcher.dispatchAsync('database:share', { folder })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('finnes allerede') },
    });
  });

  it('opens only a file that is an Ettervern database marked shared', async () => {
    expect(t.call('database:open-shared', { file: t.path })).toMatchObject({ ok: false, error: { message: expect.stringContaining('ikke delt') } });
    expect(t.call('database:open-shared', { file: join(t.dir, 'finnes-ikke.sqlite') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
