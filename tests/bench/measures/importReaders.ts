import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs } from '../measure';
import { info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';
import { sheetBytes } from './importSheet';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'importReaderChild.ts');
const READERS = [
  { name: 'scanner', label: 'zip-vakt + håndskrevet skanner' },
  { name: 'saxes', label: 'zip-vakt + saxes' },
  { name: 'exceljs', label: 'exceljs (før)' },
] as const;

interface ChildResult {
  rows: number;
  bestMs: number;
  rssBefore: number;
  maxRss: number;
}

function measureInChild(reader: string, file: string): ChildResult {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, reader, file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

/**
 * The candidate readers side by side on the same files in the same run, without worker or database:
 * each in its own process (so its peak RSS is its own), best of three reads there, so one stall from
 * another process on the machine does not decide the choice.
 */
export const importReadersMeasure: BenchMeasure = {
  name: 'Import: lesere side om side',
  ownData: true,
  async run(ctx): Promise<MeasureResult[]> {
    const cases = [{ code: '01/20-FA', municipality: 'Fauske' }];
    const results: MeasureResult[] = [];
    for (const rows of [5_000, 100_000]) {
      const file = join(ctx.tempDir, `lesere-${rows}.xlsx`);
      writeFileSync(file, await sheetBytes(rows, 2020, cases));
      // Two rounds, the readers taking turns, each round best of three in a fresh process: load from
      // other work on the machine then falls on every reader alike. The best of all is kept.
      const best = new Map<string, { ms: number; growthBytes: number }>();
      for (let round = 0; round < 2; round++) {
        for (const reader of READERS) {
          const result = measureInChild(reader.name, file);
          if (result.rows < rows) throw new Error(`${reader.name} leste ${result.rows} av ${rows} rader`);
          const known = best.get(reader.name) ?? { ms: Infinity, growthBytes: Infinity };
          best.set(reader.name, { ms: Math.min(known.ms, result.bestMs), growthBytes: Math.min(known.growthBytes, result.maxRss - result.rssBefore) });
        }
      }
      for (const reader of READERS) {
        const { ms, growthBytes } = best.get(reader.name)!;
        results.push(info(`leser ${rows} rader: ${reader.label}`, `${formatMs(ms)}, topp-RSS +${(growthBytes / 1024 / 1024).toFixed(0)} MB`));
      }
    }
    return results;
  },
};
