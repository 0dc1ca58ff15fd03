import { join } from 'node:path';
import { transaction } from '../../electron/db/query';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { signedInContextSync } from '../../electron/services/session/actor';
import { planCasesForYear, type PlannedCase } from '../../electron/cli/demo/casePlan';
import type { DemoCase } from '../../electron/cli/demo/caseWork';
import { createCaseLife } from '../../electron/cli/demo/demoCaseLife';
import { createRandom } from '../../electron/cli/demo/random';
import { loadReferences } from '../../electron/cli/demo/references';
import { callChannel } from '../../electron/cli/demo/serviceCall';
import { createTeam } from '../../electron/cli/demo/team';
import { addDays } from '@shared/dates';
import { BENCH_CACHE_DIR } from './buildDatabase';
import { ensureCachedDatabase, schemaKey } from './cachedDatabase';

/**
 * The case benchmark's database: 5,000 cases referred 2020–2025, each walked through its life by the
 * demo's own generator and channels (risk assessment, institution phase, goals, ratings, partners,
 * closure, three-month contact), so every lifecycle table is as full as years of real use make it.
 * Time entries go in directly (test data, not the app path): twenty per case, for the sums on every row.
 * Built once and cached; the name carries the schema and generator versions. Not named `bench-…`: the
 * 1M builder removes every other file with that prefix.
 */
export const CASE_BENCH_CASES = 5_000;
export const CASE_BENCH_FIRST_YEAR = 2020;
export const CASE_BENCH_LAST_YEAR = 2025;
const GENERATOR_VERSION = 1;
const SEED = 5_000;
const ENTRIES_PER_CASE = 20;
/** Only cases referred this recently can still be open when a new one is planned; keeps planning linear. */
const RECENT_CASES = 600;

export function caseBenchDatabasePath(): string {
  return join(BENCH_CACHE_DIR, `cases-${CASE_BENCH_CASES}-${schemaKey()}-g${GENERATOR_VERSION}.sqlite`);
}

function insertTimeEntries(db: AppDatabase, cases: readonly (DemoCase & { id: number })[], categoryIds: number[]): void {
  const random = createRandom(SEED + 1);
  const insertEntry = db.sqlite.prepare(
    `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?)`,
  );
  const insertParticipant = db.sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)');
  for (const c of cases) {
    for (let i = 0; i < ENTRIES_PER_CASE; i++) {
      const date = addDays(c.startDate, random.int(0, 90));
      const stamp = `${date}T15:00:00.000Z`;
      const by = c.staffIds[i % 2]!;
      const id = insertEntry.run(date, c.id, c.municipality.id, random.pick(categoryIds), 30 * random.int(1, 6), stamp, by, stamp, by).lastInsertRowid;
      insertParticipant.run(id, by);
    }
  }
}

async function build(path: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase(path);
  try {
    db.sqlite.pragma('synchronous = OFF');
    const clock = fixedClock(`${CASE_BENCH_LAST_YEAR}-12-31T15:00:00.000Z`);
    const ctx: ServiceContext = { db, actor: null, clock, session: { actor: null } };
    // The members first, each its own audited write (team-members:create is async), and the references.
    const team = await createTeam(ctx);
    const { references, members } = await loadReferences(ctx);
    // Then the cases in one transaction: query.ts's, so the case life can await the channels that are async.
    await transaction(db, async () => {
      const therapistIds = team.therapists.map((t) => t.id);
      const actorFor = (id: number) => signedInContextSync({ ...ctx, actor: team.actors.get(id) ?? null });
      const random = createRandom(SEED);
      const years = CASE_BENCH_LAST_YEAR - CASE_BENCH_FIRST_YEAR + 1;
      const planned: PlannedCase[] = [];
      for (let year = CASE_BENCH_FIRST_YEAR; year <= CASE_BENCH_LAST_YEAR; year++) {
        const index = year - CASE_BENCH_FIRST_YEAR;
        const count = Math.floor((CASE_BENCH_CASES * (index + 1)) / years) - Math.floor((CASE_BENCH_CASES * index) / years);
        planned.push(...planCasesForYear(random, year, CASE_BENCH_FIRST_YEAR, members, therapistIds, planned.slice(-RECENT_CASES), count));
      }
      log(`  ${planned.length.toLocaleString('nb-NO')} saker planlagt`);
      const cases = planned.map((plan) => {
        const created = callChannel(actorFor(plan.staffIds[0]), 'cases:create', {
          municipalityId: plan.municipality.id,
          referralDate: plan.referralDate,
          staffIds: [...plan.staffIds],
        });
        return { ...plan, code: created.code, id: created.id };
      });
      log('  livsløp …');
      await createCaseLife(ctx, actorFor, createRandom(SEED + 2), cases);
      log('  timer …');
      insertTimeEntries(db, cases, Object.values(references.categoryIds));
    });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The cached case database, built first if missing. Returns its path and, when built now, how long it took. */
export function ensureCaseBenchDatabase(log: (line: string) => void): Promise<{ path: string; buildMs: number | null }> {
  return ensureCachedDatabase(caseBenchDatabasePath(), 'cases-', (building) => {
    log(`Bygger saksdatabasen (${CASE_BENCH_CASES.toLocaleString('nb-NO')} saker) …`);
    return build(building, log);
  });
}
