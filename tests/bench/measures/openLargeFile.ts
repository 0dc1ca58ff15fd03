import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_HISTORY, planForFile, type CheckHistory } from '../../../electron/db/checkPlan';
import { openForStartup } from '../../../electron/main/startup';
import { createDispatcher } from '../../../electron/services/dispatcher';
import { formatMs, median } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import { callOk, callOkAsync, type BenchMeasure } from './context';

const RUNS = { warmup: 1, runs: 5 };
const GOAL_MS = 1_000;

/**
 * From opening the file to the first screens answered, as the app's start does it: the check plan for this
 * PC's history (db/checkPlan.ts), opening through openForStartup (the check before opening only when the
 * plan says so), then the sign-in gate's `system:status` and Oversikt's `overview:get` for a signed-in
 * leader. Not the password check: that is the same on any file. On a copy of the 1M file (opening
 * writes: WAL files, presence); the copy was just written, so its pages are in the OS cache, as after
 * a recent start — a cold disk or a network share adds the read time on top.
 */
interface Run {
  plan: string;
  ms: number;
  /** The parts: plan and open, the sign-in gate's status, Oversikt. */
  parts: [number, number, number];
}

async function openToFirstScreen(path: string, history: CheckHistory): Promise<Run> {
  const start = performance.now();
  const plan = planForFile(path, history, new Date());
  const { db, readOnly } = await openForStartup({ path, check: plan === 'before-open' ? 'before-open' : 'by-caller', writable: () => true, remote: false });
  try {
    if (readOnly) throw new Error(`Filen åpnet skrivebeskyttet: ${readOnly.mode}`);
    const leader = db.sqlite.prepare("select id, username from team_members where role = 'administrator' order by id limit 1").get() as {
      id: number;
      username: string;
    };
    const opened = performance.now();
    const dispatcher = createDispatcher({ db, session: { actor: null } });
    callOk(dispatcher, 'system:status', {});
    const status = performance.now();
    dispatcher.session.actor = { ...leader, role: 'administrator' };
    await callOkAsync(dispatcher, 'overview:get', {});
    const end = performance.now();
    return { plan, ms: end - start, parts: [opened - start, status - opened, end - status] };
  } finally {
    db.close();
  }
}

async function timed(path: string, history: CheckHistory): Promise<{ plan: string; times: number[]; parts: string }> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS.warmup + RUNS.runs; i++) {
    const run = await openToFirstScreen(path, history);
    if (i >= RUNS.warmup) runs.push(run);
  }
  const part = (i: number) => formatMs(median(runs.map((r) => r.parts[i]!)));
  return { plan: runs[0]!.plan, times: runs.map((r) => r.ms), parts: `${part(0)} / ${part(1)} / ${part(2)}` };
}

/**
 * «App usable after opening the 1M file»: the usual open (no check due before opening: the large file is
 * checked in the background or not at all today), and for comparison the open after an unclean end,
 * which checks the whole file first.
 */
export const openLargeFileMeasure: BenchMeasure = {
  name: 'Åpning av 1M-filen',
  async run(ctx): Promise<MeasureResult[]> {
    const path = join(ctx.tempDir, 'åpning.sqlite');
    copyFileSync(ctx.cachedDatabase, path);
    const usual = await timed(path, NO_HISTORY);
    const afterCrash = await timed(path, { ...NO_HISTORY, openedWithoutClose: true });
    return [
      atMost(`Åpning til Oversikt, 1M-filen (kontroll: ${usual.plan}), median`, median(usual.times), GOAL_MS, formatMs),
      info(`Åpning til Oversikt, 1M-filen, tregeste av ${RUNS.runs}`, formatMs(Math.max(...usual.times))),
      info('Åpning: plan + åpne / system:status / overview:get, medianer', usual.parts),
      info(`Åpning etter uren avslutning (kontroll: ${afterCrash.plan}), median`, formatMs(median(afterCrash.times))),
      info('Etter uren avslutning: plan + kontroll + åpne / system:status / overview:get', afterCrash.parts),
    ];
  },
};
