import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { createDispatcher } from '../../electron/services/dispatcher';
import { createSettledDatabase, fileFingerprint } from '../support/fileState';
import { categoryId, municipalityId, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createSettledDatabase();
});
afterEach(() => t.close());

const fingerprint = () => fileFingerprint(t.path);

const entry = (i: number) => ({
  date: `2020-03-${String(2 + (i % 20)).padStart(2, '0')}`,
  caseCode: '03/20-ST',
  municipalityId: municipalityId(t, 'Steigen'),
  categoryId: categoryId(t, 2),
  hours: '1',
  participantIds: [t.member!.id],
});

describe('a full disk', () => {
  it('refuses the write with a Norwegian message and leaves the database as it was', async () => {
    // SQLite's page limit is a disk that is full at exactly the current size: the portable stand-in for
    // a full volume (a loop-mounted file system needs root and a Linux kernel).
    const pages = t.db.sqlite.pragma('page_count', { simple: true }) as number;
    t.db.sqlite.pragma(`max_page_count = ${pages}`);
    const before = { counts: t.counts(), bytes: fingerprint() };
    // Fill the free pages until a write no longer fits; every refusal must be clean.
    let refused = 0;
    for (let i = 0; i < 400 && refused === 0; i++) {
      const result = await t.callAsync('time-entries:create', entry(i));
      if (!result.ok) {
        refused++;
        expect(result.error).toEqual({ code: 'storage', message: 'Disken er full. Ingenting ble lagret – frigjør plass og prøv igjen.', fieldErrors: {} });
      }
    }
    expect(refused).toBe(1);
    const counts = t.counts();
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const afterFill = fingerprint();
    // A refused write in a full database changes nothing more, not even the journal.
    for (let i = 0; i < 5; i++) expect((await t.callAsync('time-entries:create', entry(i))).ok).toBe(false);
    expect(t.counts()).toEqual(counts);
    expect(fingerprint()).toBe(afterFill);
    expect(t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(before.bytes).not.toBe(afterFill);
  });

  it('a backup that cannot be written leaves no partial file and says what to check', async () => {
    // A file where the folder should be: the folder cannot be created, as on a full or read-only disk.
    writeFileSync(join(t.dir, 'sikkerhetskopier'), 'ikke en mappe');
    const result = await t.callAsync('backups:create', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/plass på disken/) } });
    expect(readdirSync(t.dir).filter((name) => name.includes('partial'))).toEqual([]);
  });
});

describe('a read-only database', () => {
  it('refuses writes on a read-only connection with a Norwegian message, nothing written', async () => {
    const readonly = await openDatabase(t.path, { readonly: true });
    try {
      const dispatcher = createDispatcher({ db: readonly, session: { actor: { id: t.member!.id, username: 'marit', role: 'administrator' } } });
      const before = fingerprint();
      const result = dispatcher.dispatch('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-02' });
      expect(result).toEqual({
        ok: false,
        error: { code: 'storage', message: 'Databasen kan ikke skrives til (skrivebeskyttet eller mangler tilgang). Ingenting ble lagret.', fieldErrors: {} },
      });
      expect(fingerprint()).toBe(before);
    } finally {
      readonly.close();
    }
  });

  // Root ignores file permissions, so this one only means something as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('a file without write permission gives the same message', async () => {
    t.db.close();
    chmodSync(t.path, 0o444);
    chmodSync(t.dir, 0o555);
    try {
      const db = await openDatabase(t.path, { readonly: true });
      const dispatcher = createDispatcher({ db, session: { actor: { id: t.member!.id, username: 'marit', role: 'administrator' } } });
      const result = dispatcher.dispatch('cases:create', { municipalityId: municipalityId({ db } as TestDatabase, 'Steigen'), referralDate: '2020-03-02' });
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      db.close();
    } finally {
      chmodSync(t.dir, 0o755);
      chmodSync(t.path, 0o644);
    }
  });
});
