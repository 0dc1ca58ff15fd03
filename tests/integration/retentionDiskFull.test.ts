import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInContextSync } from '../../electron/services/session/actor';
import { fixedClock } from '../../electron/services/context';
import { runRetention, systemDisk, type RetentionDisk } from '../../electron/services/retention/engine';
import { REDUCTION_RULES } from '../../electron/services/retention/rules';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/**
 * Issue 16, finding 7: on a nearly full disk retention committed, VACUUM failed, and the user was told
 * «Ingenting ble lagret» while the removed text was still in the file.
 */
const CLOSURE_TEXT = 'Hemmelig-avslutningstekst-som-skal-bort';
let t: TestDatabase;
let caseId: number;

beforeEach(async () => {
  t = await createTestDatabase();
  caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-01-10' }).id;
  // Closed with a note long ago, so the case is due and the rules remove text.
  t.db.sqlite.prepare("update cases set status = 'avsluttet', closed_date = '2020-02-01', closure_note = ? where id = ?").run(CLOSURE_TEXT, caseId);
});
afterEach(() => t.close());

const ctxAt = (now: string) => signedInContextSync({ db: t.db, actor: t.dispatcher.session.actor, clock: fixedClock(now), session: t.dispatcher.session });
const reducedAt = () => (t.db.sqlite.prepare('select reduced_at from cases where id = ?').get(caseId) as { reduced_at: string | null }).reduced_at;

describe('retention on a nearly full disk', () => {
  it('refuses before changing anything when the disk has less than twice the file free', async () => {
    const disk: RetentionDisk = { freeBytes: () => 1000, compact: systemDisk.compact };
    await expect(runRetention(ctxAt('2026-06-01T10:00:00.000Z'), { caseIds: [caseId] }, REDUCTION_RULES, disk)).rejects.toThrow(
      /For lite ledig plass.*Ingenting ble endret/,
    );
    expect(reducedAt()).toBeNull();
  });

  it('says the reduction is saved but not compacted when VACUUM fails every attempt, after retrying', async () => {
    let attempts = 0;
    const disk: RetentionDisk = {
      freeBytes: () => Number.MAX_SAFE_INTEGER,
      compact: () => {
        attempts += 1;
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    };
    const result = await runRetention(ctxAt('2026-06-01T10:00:00.000Z'), { caseIds: [caseId] }, REDUCTION_RULES, disk);
    expect(attempts).toBe(3);
    expect(result.compacted).toBe(false);
    expect(result.warning).toContain('Den fjernede teksten kan fortsatt ligge i filen til komprimeringen er gjort');
    expect(reducedAt()).not.toBeNull();
  });

  it('uses secure_delete, and compacts on a second attempt when the first fails', async () => {
    let attempts = 0;
    const disk: RetentionDisk = {
      freeBytes: () => Number.MAX_SAFE_INTEGER,
      compact: (db) => {
        attempts += 1;
        if (attempts === 1) throw new Error('busy');
        systemDisk.compact(db);
      },
    };
    const result = await runRetention(ctxAt('2026-06-01T10:00:00.000Z'), { caseIds: [caseId] }, REDUCTION_RULES, disk);
    expect(result).toMatchObject({ compacted: true, warning: null });
    expect(t.db.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(readFileSync(t.path).includes(Buffer.from(CLOSURE_TEXT))).toBe(false);
  });

  it('lists the backups that still hold the removed text', async () => {
    const backup = await t.okAsync('backups:create', {});
    const result = await runRetention(ctxAt('2026-06-01T10:00:00.000Z'), { caseIds: [caseId] }, REDUCTION_RULES, systemDisk);
    expect(result.backupsHoldingRemovedText).toEqual([backup.fileName]);
    expect(result.warning).toContain(backup.fileName);
  });
});
