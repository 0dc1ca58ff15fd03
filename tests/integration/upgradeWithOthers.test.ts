import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/commandLine';
import { openDatabase } from '../../electron/db/open';
import { LATEST_MIGRATION, MIGRATIONS } from '../../electron/db/migrations';
import { markShared, schemaVersion } from '../../electron/db/sharing';
import { createTestDatabase, TEST_NOW, type TestDatabase } from '../support/testDatabase';

/** A newer Ettervern opening a shared file that needs migrating, while colleagues' instances may be running. */
const OLDER = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name !== LATEST_MIGRATION));
const now = new Date(TEST_NOW);
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

let t: TestDatabase;
beforeEach(async () => {
  // The file as the older version left it: every migration but the newest.
  t = await createTestDatabase({ open: { remote: true, migrations: OLDER } });
  markShared(t.db.sqlite, now, t.member!.id);
});
afterEach(() => t.close());

function heartbeat(instance: string, machine: string, lastSeenAt: string, memberId: number | null = t.member!.id): void {
  t.db.sqlite
    .prepare('insert into presence (instance_id, member_id, machine, opened_at, last_seen_at) values (?, ?, ?, ?, ?)')
    .run(instance, memberId, machine, lastSeenAt, lastSeenAt);
}

const version = () => schemaVersion(t.db.sqlite);

describe('upgrading a shared file with colleagues present', () => {
  it('refuses while others had a heartbeat in the last five minutes, naming them, and changes nothing', async () => {
    heartbeat('instans-kontor-2', 'KONTOR-2', minutesAgo(4));
    heartbeat('instans-kontor-3', 'KONTOR-3', minutesAgo(1), null);
    const before = version();
    await expect(openDatabase(t.path, { now: () => now })).rejects.toMatchObject({
      kind: 'others-present',
      message: `Andre har databasen åpen (Ingen innlogget på KONTOR-3, ${t.member!.displayName} på KONTOR-2). Be dem lukke Ettervern før oppgraderingen.`,
    });
    expect(version()).toBe(before);
  });

  it('migrates once the user has confirmed', async () => {
    heartbeat('instans-kontor-2', 'KONTOR-2', minutesAgo(1));
    const confirmed = await openDatabase(t.path, { now: () => now, upgradeDespiteOthers: true });
    expect(schemaVersion(confirmed.sqlite)).toBe(Object.keys(MIGRATIONS).length);
    confirmed.close();
  });

  it('does not hold up the upgrade for heartbeats older than five minutes, nor for a file that is not shared', async () => {
    heartbeat('instans-kontor-2', 'KONTOR-2', minutesAgo(6));
    const quiet = await openDatabase(t.path, { now: () => now });
    expect(schemaVersion(quiet.sqlite)).toBe(Object.keys(MIGRATIONS).length);
    quiet.close();

    const unshared = await createTestDatabase({ open: { migrations: OLDER } });
    try {
      unshared.db.sqlite
        .prepare("insert into presence (instance_id, member_id, machine, opened_at, last_seen_at) values ('instans-x-1', null, 'KONTOR-9', ?, ?)")
        .run(TEST_NOW, TEST_NOW);
      const opened = await openDatabase(unshared.path, { now: () => now });
      expect(schemaVersion(opened.sqlite)).toBe(Object.keys(MIGRATIONS).length);
      opened.close();
    } finally {
      unshared.close();
    }
  });

  it('the command line refuses with the way round, and upgrade --force migrates', async () => {
    // The CLI compares with the real clock: a heartbeat from just now.
    heartbeat('instans-kontor-2', 'KONTOR-2', new Date().toISOString());
    const refused = await cliInProcess(['call', '--db', t.path, 'database:info']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`Andre har databasen åpen (${t.member!.displayName} på KONTOR-2). Be dem lukke Ettervern før oppgraderingen.`);
    expect(refused.stderr).toContain(`upgrade --db ${t.path} --force`);
    expect((await cliInProcess(['upgrade', '--db', t.path])).status).toBe(1);
    expect(version()).toBe(Object.keys(OLDER).length);
    const forced = await cliInProcess(['upgrade', '--db', t.path, '--force']);
    expect(forced).toMatchObject({ status: 0, stderr: `Databasen er oppdatert (skjemaversjon ${Object.keys(MIGRATIONS).length}).\n` });
    expect(version()).toBe(Object.keys(MIGRATIONS).length);
  });
});
