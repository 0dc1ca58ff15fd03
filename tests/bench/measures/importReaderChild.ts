import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../../electron/services/timesheet/readWorkbook';
import { saxesReader } from '../../../electron/services/timesheet/saxesReader';
import { scannerReader } from '../../../electron/services/timesheet/scannerReader';

/**
 * One reader on one file in its own process, three times: prints the best time and the process's peak
 * RSS over its RSS just before the first read, so each reader's memory is its own. Run by importReaders.ts.
 */
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

const READERS: Record<string, (bytes: Buffer) => Promise<number>> = {
  scanner: async (bytes) => (await readWorkbook(bytes, { reader: scannerReader })).sheets.reduce((n, s) => n + s.rows.count, 0),
  saxes: async (bytes) => (await readWorkbook(bytes, { reader: saxesReader })).sheets.reduce((n, s) => n + s.rows.count, 0),
  exceljs: readWithExceljs,
};

const [name, file] = process.argv.slice(2);
const read = READERS[name ?? ''];
if (!read || !file) throw new Error('bruk: importReaderChild.ts <scanner|saxes|exceljs> <fil.xlsx>');
const bytes = readFileSync(file);
global.gc?.();
const rssBefore = process.memoryUsage().rss;
let best = Number.POSITIVE_INFINITY;
let rows = 0;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  rows = await read(bytes);
  best = Math.min(best, performance.now() - start);
}
process.stdout.write(`${JSON.stringify({ rows, bestMs: best, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
