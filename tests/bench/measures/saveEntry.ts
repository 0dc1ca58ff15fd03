import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput, ChannelName } from '@shared/contract';
import { addDays, toIsoDate } from '@shared/dates';
import { openDatabase } from '../../../electron/db/open';
import { fixedClock } from '../../../electron/services/context';
import { createDispatcher, type Dispatcher } from '../../../electron/services/dispatcher';
import { dayOfWeek } from '../../../electron/cli/demo/calendar';
import { DEMO_PASSWORD } from '../../../electron/cli/demo/staff';
import { formatMs, median, percentile, sampleAsync, type SampleOptions } from '../measure';
import { atMost, info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';

const RUNS = { warmup: 20, runs: 600 };
const GOAL_P95_MS = 5;
const HOURS = ['1,5', '2', '2,5', '3', '3,5'];

function must<T>(result: Awaited<ReturnType<Dispatcher['dispatchAsync']>>, what: string): T {
  if (!result.ok) throw new Error(`${what} feilet: ${result.error.code} – ${result.error.message}`);
  return result.value as T;
}

function workdays(year: number): string[] {
  const days: string[] = [];
  for (let date = toIsoDate(year, 1, 1); date <= toIsoDate(year, 12, 31); date = addDays(date, 1)) {
    const weekday = dayOfWeek(date);
    if (weekday !== 0 && weekday !== 6) days.push(date);
  }
  return days;
}

/**
 * Saves `runs.runs` entries (after `runs.warmup` thrown away) through the dispatcher into the database at
 * `path` (written to: pass a copy) and returns each save's time. Two new colleagues log the time, spread
 * over the last year's workdays, so each save also runs the 24-hour check against a day full of other entries.
 */
export async function timeSaves(path: string, lastYear: number, runs: SampleOptions): Promise<number[]> {
  const db = await openDatabase(path);
  try {
    const dispatcher = createDispatcher({ db, clock: fixedClock(`${lastYear}-12-31T15:00:00.000Z`) });
    const leader = db.sqlite.prepare("select username from team_members where role = 'administrator' order by id limit 1").get() as { username: string };
    must(await dispatcher.dispatchAsync('session:sign-in' satisfies ChannelName, { username: leader.username, password: DEMO_PASSWORD }), 'Innlogging');
    const colleagues: number[] = [];
    for (const member of [
      { username: 'maaling.en', displayName: 'Måling En', initials: 'ME', password: DEMO_PASSWORD },
      { username: 'maaling.to', displayName: 'Måling To', initials: 'MT', password: DEMO_PASSWORD },
    ]) {
      colleagues.push(must<{ id: number }>(await dispatcher.dispatchAsync('team-members:create' satisfies ChannelName, member), 'Nytt teammedlem').id);
    }
    must(await dispatcher.dispatchAsync('session:sign-in' satisfies ChannelName, { username: 'maaling.en', password: DEMO_PASSWORD }), 'Innlogging');

    const cases = db.sqlite
      .prepare('select code, municipality_id as municipalityId, referral_date as referralDate from cases where year = ? order by referral_date, id')
      .all(lastYear) as { code: string; municipalityId: number; referralDate: string }[];
    const categoryId = (db.sqlite.prepare("select id from categories where name = 'Brukeroppfølging'").get() as { id: number }).id;
    // Time before a case's referral is refused (entry rules), so each day only takes cases referred by then;
    // counted here, outside the timed saves.
    const days = workdays(lastYear).filter((day) => day >= cases[0]!.referralDate);
    const referredBy = days.map((day) => cases.filter((c) => c.referralDate <= day).length);
    return await sampleAsync(async (run) => {
      const day = run % days.length;
      const c = cases[run % referredBy[day]!]!;
      const input: ChannelInput<'time-entries:create'> = {
        date: days[day]!,
        caseCode: c.code,
        municipalityId: c.municipalityId,
        categoryId,
        // Another length each time round the days: the same case, day and time again would be asked about as a likely duplicate.
        hours: HOURS[Math.floor(run / days.length) % HOURS.length]!,
        participantIds: colleagues,
      };
      must(await dispatcher.dispatchAsync('time-entries:create' satisfies ChannelName, input), 'Lagring');
    }, runs);
  } finally {
    db.close();
  }
}

/**
 * Saving one entry through the dispatcher, signed in, on a copy of the 1M database on disk (WAL,
 * synchronous=FULL: every save is a real commit); see timeSaves.
 */
export const saveEntryMeasure: BenchMeasure = {
  name: 'Lagre registrering',
  async run(ctx): Promise<MeasureResult[]> {
    const path = join(ctx.tempDir, 'lagring.sqlite');
    copyFileSync(ctx.cachedDatabase, path);
    const times = await timeSaves(path, ctx.lastYear, RUNS);
    return [
      info(`time-entries:create, median (${RUNS.runs} lagringer)`, formatMs(median(times))),
      atMost('time-entries:create, p95', percentile(times, 95), GOAL_P95_MS, formatMs),
    ];
  },
};
