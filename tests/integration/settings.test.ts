import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '@shared/domain/settings';
import { createTestDatabase, versionOf, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('settings', () => {
  it('reads defaults until something is stored', async () => {
    expect(await t.okAsync('settings:get', {})).toEqual({ ...defaultSettings(), version: 1 });
    expect(defaultSettings()).toMatchObject({ followUpWarningWeeks: 8, idleLockMinutes: 10, retentionYears: 5, backupFolder: null });
  });

  it('stores only the keys sent and keeps the rest', async () => {
    await t.okAsync('settings:update', { version: versionOf(t, 'settings', 0), followUpWarningWeeks: 10 });
    const after = await t.okAsync('settings:update', { version: versionOf(t, 'settings', 0), idleLockMinutes: 5 });
    // Two rows stored, each at version 1: the revision is their sum plus one.
    expect(after).toEqual({ ...defaultSettings(), followUpWarningWeeks: 10, idleLockMinutes: 5, version: 3 });
    expect(await t.okAsync('settings:get', {})).toEqual(after);
    const rows = t.db.sqlite.prepare('select key, value, updated_by from settings order by key').all();
    expect(rows).toEqual([
      { key: 'followUpWarningWeeks', value: '10', updated_by: t.member!.id },
      { key: 'idleLockMinutes', value: '5', updated_by: t.member!.id },
    ]);
  });

  it('refuses values outside a setting’s range with the field named, writing nothing', async () => {
    const before = t.db.sqlite.prepare('select count(*) as n from settings').get();
    const result = await t.dispatcher.dispatchAsync('settings:update', { version: 1, followUpWarningWeeks: 0, idleLockMinutes: 'ti' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(Object.keys(result.error.fieldErrors).sort()).toEqual(['followUpWarningWeeks', 'idleLockMinutes']);
    expect((await t.dispatcher.dispatchAsync('settings:update', { version: 1, unknownKey: 1 })).ok).toBe(false);
    expect(t.db.sqlite.prepare('select count(*) as n from settings').get()).toEqual(before);
  });

  it('lets only an administrator change settings', async () => {
    await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.signInAs('jonas');
    const result = await t.callAsync('settings:update', { version: versionOf(t, 'settings', 0), retentionYears: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'forbidden', message: 'Bare en administrator kan endre innstillingene' });
    expect((await t.okAsync('settings:get', {})).retentionYears).toBe(5);
  });

  it('falls back to the default when a stored value no longer passes its schema', async () => {
    t.db.sqlite.prepare("insert into settings (key, value, updated_at) values ('idleLockMinutes', '9999', 'x')").run();
    expect((await t.okAsync('settings:get', {})).idleLockMinutes).toBe(10);
  });
});
