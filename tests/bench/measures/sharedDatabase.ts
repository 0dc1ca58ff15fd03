import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChannelInput, ChannelName } from '@shared/contract';
import { addDays, toIsoDate } from '@shared/dates';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { markShared } from '../../../electron/db/sharing';
import { fixedClock } from '../../../electron/services/context';
import { createDispatcher, type Dispatcher } from '../../../electron/services/dispatcher';
import { DEMO_PASSWORD } from '../../../electron/cli/demo/staff';
import { formatMs, median, percentile, timeMsAsync } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WRITER = join(ROOT, 'tests/bench/sharedWriter.ts');
const OTHER_WRITERS = 4;
const WRITE_EVERY_MS = 200;
const RUNS = { warmup: 10, runs: 300 };
const GOAL_SHARED_P95_MS = 50;
/** The window's poll of `database:changes` (CHANGE_POLL_MS in the renderer's database watch). */
const POLL_MS = 2_500;
const VISIBILITY_SAMPLES = 6;
const GOAL_VISIBLE_MS = 3_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function must<T>(result: Awaited<ReturnType<Dispatcher['dispatchAsync']>>, what: string): T {
  if (!result.ok) throw new Error(`${what} feilet: ${result.error.code} – ${result.error.message}`);
  return result.value as T;
}

interface Writers {
  stop(): Promise<string[]>;
}

/** Four colleagues' processes, each saving an entry every 200 ms; resolves once all have the file open. */
async function startWriters(path: string, args: string[]): Promise<Writers> {
  const children: ChildProcess[] = [];
  const finals: Promise<string>[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < OTHER_WRITERS; i += 1) {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, ...args, String(WRITE_EVERY_MS)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    children.push(child);
    const lines = createInterface({ input: child.stdout! });
    let last = '';
    ready.push(
      new Promise((done, fail) => {
        lines.on('line', (line) => {
          last = line;
          if (line === 'ready') done();
        });
        child.on('exit', (code) => (code === 0 ? undefined : fail(new Error(`skriveprosessen stoppet (${code})`))));
      }),
    );
    finals.push(new Promise((done) => child.on('close', () => done(last))));
  }
  await Promise.all(ready);
  return {
    stop: async () => {
      for (const child of children) child.stdin!.end();
      return Promise.all(finals);
    },
  };
}

interface Setup {
  memberId: number;
  municipalityId: number;
  categoryId: number;
}

const MEMBER = { username: 'maaling.delt', displayName: 'Måling Delt', initials: 'MD', password: DEMO_PASSWORD };

/**
 * A new colleague of its own saves every measured entry, in this process and the others: the 24-hour
 * check then runs against this member's days only, which the demo data has not filled already.
 */
async function createMember(path: string, lastYear: number): Promise<Setup> {
  const db = await openDatabase(path);
  try {
    const dispatcher = createDispatcher({ db, clock: fixedClock(`${lastYear}-12-31T15:00:00.000Z`) });
    const leader = db.sqlite.prepare("select username from team_members where role = 'administrator' order by id limit 1").get() as { username: string };
    must(await dispatcher.dispatchAsync('session:sign-in' satisfies ChannelName, { username: leader.username, password: DEMO_PASSWORD }), 'Innlogging');
    const memberId = must<{ id: number }>(await dispatcher.dispatchAsync('team-members:create' satisfies ChannelName, MEMBER), 'Nytt teammedlem').id;
    const municipalityId = (db.sqlite.prepare('select id from municipalities order by id limit 1').get() as { id: number }).id;
    const categoryId = (db.sqlite.prepare("select id from categories where name = 'Brukeroppfølging'").get() as { id: number }).id;
    return { memberId, municipalityId, categoryId };
  } finally {
    db.close();
  }
}

async function signedIn(db: AppDatabase, lastYear: number): Promise<Dispatcher> {
  const dispatcher = createDispatcher({ db, clock: fixedClock(`${lastYear}-12-31T15:00:00.000Z`) });
  must(await dispatcher.dispatchAsync('session:sign-in' satisfies ChannelName, { username: MEMBER.username, password: MEMBER.password }), 'Innlogging');
  return dispatcher;
}

/** p95 of one save through the dispatcher while the other processes write. */
async function saveWhileOthersWrite(
  path: string,
  lastYear: number,
  setup: Setup,
  dayOffset: number,
  label: string,
  goal: number | null,
): Promise<MeasureResult[]> {
  const db = await openDatabase(path);
  try {
    const dispatcher = await signedIn(db, lastYear);
    const writers = await startWriters(path, [String(setup.memberId), String(setup.municipalityId), String(setup.categoryId)]);
    const times: number[] = [];
    let reports: string[] = [];
    try {
      // A pause of 0–40 ms before each measured save spreads the 300 saves over several seconds, so the
      // other processes' saves (every 200 ms) fall among them rather than after them.
      const save = async (run: number) => {
        const input: ChannelInput<'time-entries:create'> = {
          // A day of its own for each save (both phases together stay within the member's 24 hours a day).
          date: addDays(toIsoDate(lastYear, 1, 1), (run + dayOffset) % 365),
          municipalityId: setup.municipalityId,
          categoryId: setup.categoryId,
          // A duration of each phase's own, unlike the other processes' 0,5: the duplicate check runs on
          // every measured save and finds nothing, as on a real first save.
          hours: dayOffset === 0 ? '1' : '1,5',
        };
        must(await dispatcher.dispatchAsync('time-entries:create' satisfies ChannelName, input), 'Lagring');
      };
      for (let run = 0; run < RUNS.warmup + RUNS.runs; run += 1) {
        await sleep(Math.random() * 40);
        const elapsed = await timeMsAsync(() => save(run));
        if (run >= RUNS.warmup) times.push(elapsed);
      }
    } finally {
      reports = await writers.stop();
    }
    const journal = String(db.sqlite.pragma('journal_mode', { simple: true }));
    const p95 = percentile(times, 95);
    return [
      info(`${label} (${journal}), median (${RUNS.runs} lagringer, ${OTHER_WRITERS} andre skriver hvert ${WRITE_EVERY_MS} ms)`, formatMs(median(times))),
      goal === null ? info(`${label} (${journal}), p95`, formatMs(p95)) : atMost(`${label} (${journal}), p95`, p95, goal, formatMs),
      info(`${label}: de andre prosessene (lagret/opptatt)`, reports.join('; ')),
    ];
  } finally {
    db.close();
  }
}

/**
 * How long a colleague's save takes to show: another connection polls `database:changes` every 2.5 s
 * (as the window does); the save lands at a random moment between two polls. Measured from the commit
 * to the poll that reports it.
 */
async function timeToSeeChange(path: string, lastYear: number, setup: Setup): Promise<number[]> {
  const watcher = await openDatabase(path);
  const writer = await openDatabase(path);
  try {
    const watching = await signedIn(watcher, lastYear);
    const dispatcher = await signedIn(writer, lastYear);
    const changes = () => must<{ changeCount: number }>(watching.dispatch('database:changes' satisfies ChannelName, {}), 'database:changes').changeCount;
    const delays: number[] = [];
    for (let i = 0; i < VISIBILITY_SAMPLES; i += 1) {
      const seen = changes();
      const pollStart = performance.now();
      await sleep(((i + 0.5) / VISIBILITY_SAMPLES) * POLL_MS);
      must(
        await dispatcher.dispatchAsync('time-entries:create' satisfies ChannelName, {
          date: `${lastYear}-06-0${1 + i}`,
          municipalityId: setup.municipalityId,
          categoryId: setup.categoryId,
          hours: '0,5',
        }),
        'Lagring',
      );
      const committedAt = performance.now();
      let nextPoll = pollStart + POLL_MS;
      for (;;) {
        await sleep(Math.max(0, nextPoll - performance.now()));
        if (changes() > seen) break;
        nextPoll += POLL_MS;
      }
      delays.push(performance.now() - committedAt);
    }
    return delays;
  } finally {
    writer.close();
    watcher.close();
  }
}

/**
 * The team on one file: saving one entry while four other processes each save every 200 ms, first on
 * the file as a single PC has it (WAL), then on the same file marked shared (rollback journal, a lock
 * per write transaction); and the time until another instance sees a save.
 */
export const sharedDatabaseMeasure: BenchMeasure = {
  name: 'Delt database',
  async run(ctx): Promise<MeasureResult[]> {
    const path = join(ctx.tempDir, 'delt.sqlite');
    copyFileSync(ctx.cachedDatabase, path);
    const setup = await createMember(path, ctx.lastYear);
    const results = await saveWhileOthersWrite(path, ctx.lastYear, setup, 0, 'Lagre registrering, ikke delt', null);
    const marking = await openDatabase(path);
    try {
      markShared(marking.sqlite, new Date(), null);
    } finally {
      marking.close();
    }
    results.push(...(await saveWhileOthersWrite(path, ctx.lastYear, setup, 180, 'Lagre registrering, delt', GOAL_SHARED_P95_MS)));
    const delays = await timeToSeeChange(path, ctx.lastYear, setup);
    results.push(
      info(
        `Endring synlig i en annen instans, median (${VISIBILITY_SAMPLES} målinger, spørring hvert ${String(POLL_MS / 1000).replace('.', ',')} s)`,
        formatMs(median(delays)),
      ),
    );
    results.push(atMost('Endring synlig i en annen instans, verste', Math.max(...delays), GOAL_VISIBLE_MS, formatMs));
    return results;
  },
};
