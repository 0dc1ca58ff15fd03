import { toApiError } from '../../../electron/services/errors/toApiError';
import { createTimeEntry } from '../../../electron/services/timeEntries/write';
import { formatMs, percentile } from '../measure';
import { WRITER_MEMBERS } from '../postgresBenchServer';
import { checkSavedEntries, entryPlan, signIn, withWritableCopy, writers, type Writer } from '../postgresWriting';
import { info, type MeasureResult } from '../report';
import { postgresMeasure } from './postgresGroup';

/** How long the writers write: 60 s, or ETTERVERN_BENCH_SEKUNDER (10 for a quick run). */
function durationSeconds(): number {
  const seconds = Number(process.env.ETTERVERN_BENCH_SEKUNDER ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('ETTERVERN_BENCH_SEKUNDER må være et antall sekunder');
  return seconds;
}

interface Tally {
  attempts: number;
  saved: number[];
  busy: number;
  errors: Map<string, number>;
  times: number[];
}

/** One writer saving entry after entry until the deadline; each attempt counted as saved, refused as busy, or an error (by code). */
async function write(writer: Writer, plan: Awaited<ReturnType<typeof entryPlan>>, offset: number, deadline: number, tally: Tally): Promise<void> {
  for (let run = 0; performance.now() < deadline; run++) {
    tally.attempts++;
    const start = performance.now();
    try {
      tally.saved.push((await createTimeEntry(writer.ctx, plan(writer, run, offset))).id);
      tally.times.push(performance.now() - start);
    } catch (error) {
      const code = toApiError(error, 'time-entries:create').code;
      // The server's SQLSTATE says what an unexpected error was (never a value from a row).
      const sqlState = (error as { code?: unknown }).code;
      const key = code === 'internal' && typeof sqlState === 'string' ? `${code} ${sqlState}` : code;
      if (code === 'busy') tally.busy++;
      else tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
    }
  }
}

/**
 * 20 team members saving entries at the same time on the server, each with their own login role, pool client and
 * service context, for 60 s: attempts, saves, the Norwegian «busy» refusals (the server's serialization failures
 * still colliding after the transaction helper's retries) and any other error; afterwards every saved entry must be
 * in the database exactly once (with its audit row), nothing else of theirs, and the daily totals equal a recount.
 */
export const postgresWritersMeasure = postgresMeasure('PostgreSQL: 20 samtidige skrivere', async (server, ctx): Promise<MeasureResult[]> => {
  const seconds = durationSeconds();
  return withWritableCopy(server, async (copy) => {
    const team = writers(server)
      .slice(0, WRITER_MEMBERS)
      .map((member) => signIn(copy, member, ctx.lastYear));
    try {
      const plan = await entryPlan(copy, ctx.lastYear);
      const tally: Tally = { attempts: 0, saved: [], busy: 0, errors: new Map(), times: [] };
      const start = performance.now();
      // Writers start apart in the days (offset), as colleagues log different days; they still meet in the audit log's tail.
      await Promise.all(team.map((writer, i) => write(writer, plan, i * 13, start + seconds * 1000, tally)));
      const elapsed = (performance.now() - start) / 1000;
      const check = await checkSavedEntries(
        copy,
        team.map((w) => w.member.id),
        tally.saved,
      );
      const errors = [...tally.errors.values()].reduce((sum, n) => sum + n, 0);
      const perSecond = tally.saved.length / elapsed;
      return [
        info(`PostgreSQL: ${team.length} skrivere i ${seconds} s, forsøk`, tally.attempts.toLocaleString('nb-NO')),
        info(
          'PostgreSQL: lagret',
          `${tally.saved.length.toLocaleString('nb-NO')} (${perSecond.toLocaleString('nb-NO', { maximumFractionDigits: 1 })} lagringer/s)`,
        ),
        info('PostgreSQL: avvist som «opptatt» etter nye forsøk', tally.busy.toLocaleString('nb-NO')),
        {
          measure: 'PostgreSQL: andre feil',
          value: errors === 0 ? '0' : [...tally.errors].map(([code, n]) => `${code}: ${n}`).join(', '),
          goal: '0',
          pass: errors === 0,
        },
        info('PostgreSQL: én lagring blant 20 skrivere, p95', tally.times.length > 0 ? formatMs(percentile(tally.times, 95)) : '–'),
        {
          measure: 'PostgreSQL: hver lagring finnes én gang (med revisjonsrad)',
          value: `${check.found.toLocaleString('nb-NO')} av ${tally.saved.length.toLocaleString('nb-NO')}`,
          goal: 'alle',
          pass: check.exactlyOnce,
        },
        {
          measure: 'PostgreSQL: dagstotalene lik en ny opptelling',
          value: check.totalsDiffer === 0 ? 'ja' : `${check.totalsDiffer} rader ulike`,
          goal: 'ja',
          pass: check.totalsDiffer === 0,
        },
      ];
    } finally {
      await Promise.all(team.map((writer) => writer.connection.close()));
    }
  });
});
