import { createTimeEntry } from '../../../electron/services/timeEntries/write';
import { sql } from 'kysely';
import { first, transaction } from '../../../electron/db/query';
import { formatMs, median, percentile, sampleInterleavedAsync } from '../measure';
import { checkSavedEntries, entryPlan, signIn, withWritableCopy, writers } from '../postgresWriting';
import { atMost, info, type MeasureResult } from '../report';
import { postgresMeasure } from './postgresGroup';

const RUNS = { warmup: 10, runs: 200 };
const GOAL_P95_MS = 10;

/**
 * Saving one entry on the server: time-entries:create through the service (its serializable transaction, the
 * checks, the participants, the audit row, the daily-totals triggers), one at a time, by a team member signed in
 * with their own login role, on loopback to a server that commits durably. Written to a copy of the 1M database.
 */
export const postgresSaveMeasure = postgresMeasure('PostgreSQL: lagre én registrering', async (server, ctx): Promise<MeasureResult[]> => {
  return withWritableCopy(server, async (copy) => {
    const writer = signIn(copy, writers(server)[0]!, ctx.lastYear);
    try {
      const plan = await entryPlan(copy, ctx.lastYear);
      const saved: number[] = [];
      // The floor of any save: one round trip and an empty write transaction, timed in turn with the saves.
      const { save, floor } = await sampleInterleavedAsync(
        {
          save: async (run) => saved.push((await createTimeEntry(writer.ctx, plan(writer, run, 0))).id),
          floor: () => transaction(writer.ctx.db, (tx) => first(tx, sql<{ one: number }>`select 1 as one`)),
        },
        RUNS,
      );
      const check = await checkSavedEntries(copy, [writer.member.id], saved);
      return [
        info(`PostgreSQL: time-entries:create, median (${RUNS.runs} lagringer, én om gangen)`, formatMs(median(save))),
        atMost('PostgreSQL: time-entries:create, p95', percentile(save, 95), GOAL_P95_MS, formatMs),
        info('PostgreSQL: tom skrivetransaksjon med select 1, median', formatMs(median(floor))),
        {
          measure: 'PostgreSQL: hver lagring finnes én gang, dagstotalene stemmer',
          value: check.exactlyOnce && check.totalsDiffer === 0 ? 'ja' : 'nei',
          goal: 'ja',
          pass: check.exactlyOnce && check.totalsDiffer === 0,
        },
      ];
    } finally {
      await writer.connection.close();
    }
  });
});
