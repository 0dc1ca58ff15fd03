import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cellsAt } from '../../electron/services/timesheet/packedRows';
import type { WorkerMessage } from '../../electron/services/timesheet/types';
import { resolveWorkerScript } from '../../electron/services/timesheet/workerPath';
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
});
