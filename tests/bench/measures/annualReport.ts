import { openDatabase } from '../../../electron/db/open';
import { createDispatcher } from '../../../electron/services/dispatcher';
import { formatMs, median } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';

const RUNS = { warmup: 1, runs: 5 };
const GOAL_MS = 2_000;

/**
 * The whole annual report — every table, the chart images rendered to PNG, the .docx and the .xlsx — for
 * one full year of the 1M database, through the same channel as «Lag årsrapport». The database is opened
 * read-only; the channel is let through and writes no audit row there, so the cached file stays untouched.
 */
export const annualReportMeasure: BenchMeasure = {
  name: 'Årsrapport',
  async run(ctx): Promise<MeasureResult[]> {
    const year = ctx.lastYear - 1;
    const db = await openDatabase(ctx.cachedDatabase, { readonly: true });
    try {
      const reader = db.sqlite.prepare("select id, username from team_members where role = 'administrator' order by id limit 1").get() as {
        id: number;
        username: string;
      };
      const dispatcher = createDispatcher({
        db,
        session: { actor: { ...reader, role: 'administrator' } },
        readOnly: { mode: 'read-only', reason: 'Målingen skriver ikke.', allow: ['annual-report:generate'] },
      });
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS.warmup + RUNS.runs; i++) {
        const start = performance.now();
        const result = await dispatcher.dispatchAsync('annual-report:generate', { year });
        const elapsed = performance.now() - start;
        if (!result.ok) throw new Error(`annual-report:generate feilet: ${result.error.code}`);
        const files = result.value as { docx: { contentBase64: string }; xlsx: { contentBase64: string } };
        bytes = (files.docx.contentBase64.length + files.xlsx.contentBase64.length) * 0.75;
        if (i >= RUNS.warmup) times.push(elapsed);
      }
      return [
        info(`Årsrapport ${year}: størrelse .docx + .xlsx`, `${Math.round(bytes / 1024).toLocaleString('nb-NO')} KiB`),
        atMost(`annual-report:generate ${year} med figurer, median (${RUNS.runs} kjøringer)`, median(times), GOAL_MS, formatMs),
        atMost(`annual-report:generate ${year}, tregeste`, Math.max(...times), GOAL_MS, formatMs),
      ];
    } finally {
      db.close();
    }
  },
};
