import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_REFUSALS } from '../../electron/services/timesheet/fileErrors';
import { parseInWorker, type ParseInWorkerOptions } from '../../electron/services/timesheet/runWorker';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { storedEntry, workbookBytes, zeroEntry, zipBytes } from '../support/timesheetFiles';

const header = ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'];
const workbookXml = storedEntry('xl/workbook.xml', Buffer.from('<workbook/>'));

describe('one reader of the zip: local headers must agree with the central directory', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.close());

  async function refusal(bytes: Buffer): Promise<string> {
    const before = t.counts();
    const result = await t.callAsync('timesheet:read-file', { jobId: randomUUID(), fileName: 'fil.xlsx', contentBase64: bytes.toString('base64') });
    expect(t.counts()).toEqual(before);
    if (result.ok) throw new Error('Filen ble ikke avvist');
    return result.error.message;
  }

  it('refuses a large local entry that the central directory does not list, without inflating it', async () => {
    // The review's file: small on disk, a big entry only a local-header reader would find.
    const hidden = await zeroEntry('xl/worksheets/sheet2.xml', 64);
    const bytes = zipBytes([workbookXml], { unlisted: [hidden] });
    expect(await refusal(bytes)).toBe(FILE_REFUSALS.zip_mismatch);
  });

  it('refuses a local header whose name differs from the central directory', async () => {
    const bytes = zipBytes([workbookXml, storedEntry('xl/worksheets/sheet1.xml', Buffer.from('<worksheet/>'))], {
      localName: (name) => name.replace('sheet1', 'sheet9'),
    });
    expect(await refusal(bytes)).toBe(FILE_REFUSALS.zip_mismatch);
  });

  it('refuses two entries with the same name', async () => {
    const bytes = zipBytes([workbookXml, storedEntry('xl/workbook.xml', Buffer.from('<workbook/>'))]);
    expect(await refusal(bytes)).toBe(FILE_REFUSALS.zip_mismatch);
  });

  it('still reads an honest zip built the same way', async () => {
    const bytes = zipBytes([workbookXml]);
    // Consistent, but no sheet with the headings: refused for that reason, not as a mismatch.
    expect(await refusal(bytes)).toBe(FILE_REFUSALS.no_header);
  });
});

describe('each import job has its own temp folder, gone when the worker has exited', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'import-temp-test-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Runs a parse, checks its folder exists while it runs, and returns how it ended once it has. */
  async function parseAndWatch(bytes: Buffer, options: ParseInWorkerOptions = {}): Promise<string> {
    const running = parseInWorker(bytes, { ...options, tempRoot: root });
    expect(readdirSync(root)).toHaveLength(1);
    const outcome = await running.then(
      () => 'done',
      (error: { refusal?: string }) => error.refusal ?? 'error',
    );
    expect(readdirSync(root)).toEqual([]);
    return outcome;
  }

  const sheet = (rows: number) => workbookBytes({ Ark1: [header, ...Array.from({ length: rows }, () => ['', '03.02.2020', 'Felles', 'Nettverksarbeid', 1])] });

  it('after success', async () => {
    expect(await parseAndWatch(await sheet(10))).toBe('done');
  });

  it('after a refusal', async () => {
    const bytes = zipBytes([workbookXml], { unlisted: [storedEntry('xl/worksheets/sheet1.xml', Buffer.from('<worksheet/>'))] });
    expect(await parseAndWatch(bytes)).toBe('zip_mismatch');
  });

  it('after running out of memory', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`${i}`, '03.02.2020', `Felles ${i}`, `Nettverksarbeid ${i}`, i]);
    const bytes = await workbookBytes({ Ark1: [header, ...rows] });
    expect(await parseAndWatch(bytes, { resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } })).toMatch(/out_of_memory|unreadable/);
    // A worker near its heap cap collects garbage again and again before it gives up: slow on a busy machine.
  }, 90_000);

  it('after a timeout', async () => {
    expect(await parseAndWatch(await sheet(2_000), { timeLimitMs: 1 })).toBe('timeout');
  });

  it('removes a folder left by a process that no longer runs, and keeps a running one', async () => {
    // Process ids above the kernel's limit (4,194,304) are never running.
    mkdirSync(join(root, 'ettervern-import-99999999-abc'));
    mkdirSync(join(root, `ettervern-import-${process.ppid}-abc`));
    await parseInWorker(await sheet(1), { tempRoot: root });
    expect(readdirSync(root)).toEqual([`ettervern-import-${process.ppid}-abc`]);
  });
});
