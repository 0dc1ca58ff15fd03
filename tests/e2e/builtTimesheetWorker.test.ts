import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cellsAt } from '../../electron/services/timesheet/packedRows';
import type { WorkerMessage } from '../../electron/services/timesheet/types';
import { fixedClock } from '../../electron/services/context';
import { signedInContextSync } from '../../electron/services/session/actor';
import { commitInWorker } from '../../electron/services/timesheet/commitInWorker';
import { BUILT_WORKER_FILE, resolveWorkerScript, useBuiltWorker, WRITE_WORKER_ENTRY_NAME } from '../../electron/services/timesheet/workerPath';
import { syntheticWritePlan } from '../support/importPlans';
import { categoryId, createTestDatabase, municipalityId, TEST_NOW } from '../support/testDatabase';
import { workbookBytes } from '../support/timesheetFiles';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The worker as the packaged app starts it: the file electron-vite emitted, found the way main finds it. */
describe('the built timesheet worker', () => {
  it('sits beside the built main module and reads a sheet', async () => {
    const script = resolveWorkerScript(pathToFileURL(join(ROOT, 'out/main/index.js')).href);
    expect(existsSync(script.path)).toBe(true);
    const bytes = await workbookBytes({
      Ark1: [
        ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
        ['', '03.02.2020', 'Felles', 'Nettverksarbeid', 1],
      ],
    });
    const worker = new Worker(script.code, { eval: script.eval, workerData: { task: 'parse', bytes: new Uint8Array(bytes) } });
    const message = await new Promise<WorkerMessage>((resolvePromise, reject) => {
      worker.on('message', (m: WorkerMessage) => m.type !== 'progress' && resolvePromise(m));
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(message).toMatchObject({ type: 'done', workbook: { sheets: [{ name: 'Ark1', hasHeader: true, rows: { count: 1 } }] } });
    const rows = (message as Extract<WorkerMessage, { type: 'done' }>).workbook.sheets[0]!.rows;
    expect([...rows.rowNumbers]).toEqual([2]);
    expect(cellsAt(rows, 0).slice(1)).toEqual(['03.02.2020', 'Felles', 'Nettverksarbeid', 1]);
  });

  it('has the writing worker beside it, which writes an import on its own connection', async () => {
    const script = resolveWorkerScript(pathToFileURL(join(ROOT, 'out/main/index.js')).href, WRITE_WORKER_ENTRY_NAME);
    expect(existsSync(script.path)).toBe(true);
    const t = await createTestDatabase();
    useBuiltWorker(join(ROOT, 'out/main', BUILT_WORKER_FILE));
    try {
      const actor = { id: t.member!.id, username: t.member!.username, role: t.member!.role };
      const ctx = signedInContextSync({ db: t.db, actor, clock: fixedClock(TEST_NOW), session: { actor } });
      const plan = syntheticWritePlan(1_500, {
        municipalities: [municipalityId(t, 'Felles'), municipalityId(t, 'Steigen'), municipalityId(t, 'Fauske')],
        categories: [categoryId(t, 1), categoryId(t, 2), categoryId(t, 7)],
      });
      // No in-process limit: the built worker file, not the calling thread, must do the write.
      const result = await commitInWorker(ctx, plan, 'e'.repeat(64), { inProcessMaxRows: 0 });
      expect(result).toMatchObject({ imported: 1_500 });
      expect(t.db.sqlite.prepare('select count(*) from time_entries').pluck().get()).toBe(1_500);
    } finally {
      useBuiltWorker(null);
      t.close();
    }
  }, 120_000);
});
