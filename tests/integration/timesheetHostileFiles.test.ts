import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BASE64_LENGTH } from '@shared/contract/timesheet';
import { FILE_REFUSALS } from '../../electron/services/timesheet/fileErrors';
import { READ_LIMITS } from '../../electron/services/timesheet/limits';
import { parseInWorker } from '../../electron/services/timesheet/runWorker';
import { inspectZip } from '../../electron/services/timesheet/zipGuard';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { storedEntry, workbookBytes, zeroEntry, zipBytes } from '../support/timesheetFiles';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const readFile = (bytes: Buffer | string) =>
  t.callAsync('timesheet:read-file', {
    jobId: randomUUID(),
    fileName: 'fil.xlsx',
    contentBase64: typeof bytes === 'string' ? bytes : bytes.toString('base64'),
  });

async function refusal(bytes: Buffer | string): Promise<string> {
  const before = t.counts();
  const result = await readFile(bytes);
  expect(t.counts()).toEqual(before);
  if (result.ok) throw new Error('Filen ble ikke avvist');
  expect(result.error.code).toBe('validation');
  expect(result.error.fieldErrors.contentBase64).toBe(result.error.message);
  return result.error.message;
}

const header = ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'];

describe('hostile and broken files', () => {
  it('refuses a file that is not a zip with a clear Norwegian message', async () => {
    expect(await refusal(Buffer.from('Sak;Dato;Kommune;Hendelse;Tidsbruk\n01/20-FA;03.02.2020;Fauske;Kjøring;1\n'))).toBe(FILE_REFUSALS.not_zip);
  });

  it('refuses a zip that is not a workbook', async () => {
    expect(await refusal(zipBytes([storedEntry('word/document.xml', Buffer.from('<w/>'))]))).toBe(FILE_REFUSALS.not_xlsx);
  });

  it('refuses a file over the size limit before decoding it', async () => {
    const result = await readFile('A'.repeat(MAX_IMPORT_BASE64_LENGTH + 4));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { contentBase64: 'Filen er for stor (over 20 MB)' } } });
  });

  it('refuses a zip bomb by what it really inflates to, before any XML is parsed', async () => {
    const megabytes = READ_LIMITS.maxDecompressedBytes / 1024 / 1024 + 10;
    const honest = zipBytes([storedEntry('xl/workbook.xml', Buffer.from('<workbook/>')), await zeroEntry('xl/worksheets/sheet1.xml', megabytes)]);
    expect(honest.length).toBeLessThan(1024 * 1024);
    expect(await refusal(honest)).toBe(FILE_REFUSALS.too_large_unpacked);

    // Claims 1 KB per entry but holds 20 MB each: counted while inflating, not trusted from the header.
    const liar = await zeroEntry('xl/worksheets/sheet1.xml', 20, 1024);
    const lying = zipBytes([
      storedEntry('xl/workbook.xml', Buffer.from('<workbook/>')),
      ...Array.from({ length: 12 }, (_, i) => ({ ...liar, name: `xl/worksheets/sheet${i}.xml` })),
    ]);
    await expect(inspectZip(lying)).rejects.toThrow();
    await expect(inspectZip(lying, { maxDecompressedBytes: 5 * 1024 * 1024, maxEntries: 100 })).rejects.toThrow();
    expect((await refusal(lying)).length).toBeGreaterThan(10);
  });

  it('refuses a zip with too many entries', async () => {
    const entries = Array.from({ length: READ_LIMITS.maxEntries + 1 }, (_, i) => storedEntry(`xl/x${i}.xml`, Buffer.from('<x/>')));
    expect(await refusal(zipBytes([storedEntry('xl/workbook.xml', Buffer.from('<workbook/>')), ...entries]))).toBe(FILE_REFUSALS.too_many_entries);
  });

  it('survives huge shared strings: cells are cut short and reported as unknown, the rest imports', async () => {
    const huge = 'Ø'.repeat(3_000_000);
    const bytes = await workbookBytes({
      Ark1: [header, ['', '03.02.2020', huge, 'Kjøring', 1], ['', '04.02.2020', 'Felles', huge, 1], ['', '05.02.2020', 'Felles', 'Nettverksarbeid', 1]],
    });
    const result = await readFile(bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ rowsRead: 3, rowsToImport: 1, rejectedCount: 2 });
    expect(result.value.rejected.map((r) => r.reason)).toEqual(['Ukjent kommune', 'Ukjent hendelse']);
    expect(JSON.stringify(result.value).length).toBeLessThan(5_000);
  });

  it('never lets __proto__, constructor or prototype from a file reach an object prototype', async () => {
    // fromEntries: in an object literal `__proto__:` would set the prototype instead of naming a sheet.
    const bytes = await workbookBytes(
      Object.fromEntries([
        [
          '__proto__',
          [
            ['__proto__', 'constructor', ...header, 'prototype'],
            [{ polluted: 'ja' }, 'x', '', '03.02.2020', '__proto__', 'constructor', 1, 'toString'],
            ['a', 'b', '', '03.02.2020', 'Felles', 'hasOwnProperty', 1, 'c'],
            ['a', 'b', '', '03.02.2020', 'Felles', 'Nettverksarbeid', 1, 'c'],
          ],
        ],
        ['constructor', [header, ['', '04.02.2020', 'valueOf', '__defineGetter__', 1]]],
      ]),
    );
    const result = await readFile(bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    expect(result.value).toMatchObject({ rowsRead: 4, rowsToImport: 1, rejectedCount: 3 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    const summary = await t.okAsync('timesheet:import', { jobId: result.value.jobId, sheets: ['__proto__'] });
    expect(summary.imported).toBe(1);
  });

  it('stops a parse that takes too long and keeps going', async () => {
    const bytes = await workbookBytes({ Ark1: [header, ...Array.from({ length: 2_000 }, () => ['', '03.02.2020', 'Felles', 'Nettverksarbeid', 1])] });
    await expect(parseInWorker(bytes, { timeLimitMs: 1 })).rejects.toMatchObject({ refusal: 'timeout' });
    // The process is alive and the next file reads normally.
    await expect(parseInWorker(bytes)).resolves.toMatchObject({ sheets: [{ name: 'Ark1', hasHeader: true }] });
  });

  it('stops a worker that runs out of its capped memory, and the process stays alive', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`${i}`, '03.02.2020', `Felles ${i}`, `Nettverksarbeid ${i}`, i]);
    const bytes = await workbookBytes({ Ark1: [header, ...rows] });
    await expect(parseInWorker(bytes, { resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } })).rejects.toMatchObject({
      refusal: expect.stringMatching(/out_of_memory|unreadable/),
    });
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });
});
