import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../../electron/services/timesheet/readWorkbook';
import { formatMs } from '../measure';
import { info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';
import { sheetBytes } from './importSheet';

/** exceljs's streaming reader, as the import used it before: the baseline the chosen reader is measured against. */
async function readWithExceljs(bytes: Buffer): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) for await (const _row of worksheet) rows += 1;
  return rows;
}

async function readWithScanner(bytes: Buffer): Promise<number> {
  const workbook = await readWorkbook(bytes);
  return workbook.sheets.reduce((n, s) => n + s.rows.count, 0);
}

/** Best of three, so one stall from another process on the machine does not decide the choice. */
async function bestOf(read: () => Promise<number>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await read();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * The candidate readers side by side on the same files in the same run, in this process (no worker, no
 * database): the zip guard plus the direct SpreadsheetML scanner the import uses, against exceljs.
 */
export const importReadersMeasure: BenchMeasure = {
  name: 'Import: lesere side om side',
  async run(): Promise<MeasureResult[]> {
    const cases = [{ code: '01/20-FA', municipality: 'Fauske' }];
    const results: MeasureResult[] = [];
    for (const rows of [5_000, 100_000]) {
      const bytes = await sheetBytes(rows, 2020, cases);
      results.push(info(`leser ${rows} rader: zip-vakt + skanner (valgt)`, formatMs(await bestOf(() => readWithScanner(bytes)))));
      results.push(info(`leser ${rows} rader: exceljs (før)`, formatMs(await bestOf(() => readWithExceljs(bytes)))));
    }
    return results;
  },
};
