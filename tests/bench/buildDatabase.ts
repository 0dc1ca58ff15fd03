import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCachedDatabase } from './cachedDatabase';
import { LATEST_MIGRATION, openDatabase, type AppDatabase } from '../../electron/db/open';
import { addDays, toIsoDate } from '@shared/dates';
import { CATEGORY, LAST_ADMINISTRATION_YEAR, MUNICIPALITY_PROFILE, OTHER_MUNICIPALITIES, SHARED_WORK, type CategoryKey } from '../../electron/cli/demo/profile';
import { dayOfWeek, daysBetween } from '../../electron/cli/demo/calendar';
import { createRandom, type Random } from '../../electron/cli/demo/random';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { hashPassword } from '../../electron/services/session/passwords';

/**
 * The benchmark database: a million time entries over 2020–2025, built once with direct prepared
 * INSERTs (test data, not the app path) and cached. The file name carries the schema version and the
 * generator version, so a new migration or a change below builds a fresh one.
 */
export const BENCH_ENTRIES = 1_000_000;
export const BENCH_FIRST_YEAR = 2020;
export const BENCH_LAST_YEAR = 2025;
const GENERATOR_VERSION = 2;
const SEED = 1_000_000;
const THERAPISTS = 40;
const CASES_PER_YEAR = 600;
const BATCH = 50_000;
/** A case gets time from its referral until about five months later. */
const CASE_SPAN_DAYS = 150;

/** Share of entries per category, as the demo generator produces them (Administrasjonsarbeid: 2020 only). */
const CATEGORY_SHARE: Record<CategoryKey, number> = {
  followUp: 54,
  driving: 25,
  partners: 14,
  institution: 2.2,
  supervision: 1.6,
  peerSupport: 1.1,
  network: 1,
  noShow: 0.9,
  overnight: 0.15,
  administration: 13,
};
const SHARED_CATEGORIES: readonly CategoryKey[] = ['supervision', 'network', 'administration'];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_CACHE_DIR = join(ROOT, '.bench-cache');

export function benchDatabasePath(): string {
  return join(BENCH_CACHE_DIR, `bench-${BENCH_ENTRIES}-${LATEST_MIGRATION}-g${GENERATOR_VERSION}.sqlite`);
}

interface BenchCase {
  id: number;
  municipalityId: number;
  referralDate: string;
  staff: [number, number];
}

interface Ids {
  municipality: Map<string, number>;
  category: Record<CategoryKey, number>;
}

function loadIds(db: AppDatabase): Ids {
  const municipality = new Map((db.sqlite.prepare('select name, id from municipalities').all() as { name: string; id: number }[]).map((r) => [r.name, r.id]));
  const byName = new Map((db.sqlite.prepare('select name, id from categories').all() as { name: string; id: number }[]).map((r) => [r.name, r.id]));
  const category = Object.fromEntries(Object.entries(CATEGORY).map(([key, name]) => [key, byName.get(name)!])) as Record<CategoryKey, number>;
  return { municipality, category };
}

function insertTeam(db: AppDatabase): number[] {
  const insert = db.sqlite.prepare(
    `insert into team_members (username, display_name, initials, role, created_at, password_hash) values (?, ?, ?, ?, '2020-01-01T08:00:00.000Z', ?)`,
  );
  // The leader signs in for the save measure, with the demo password.
  insert.run('benk.leder', 'Benk Leder', 'BL', 'administrator', hashPassword(DEMO_PASSWORD));
  const ids: number[] = [];
  for (let i = 0; i < THERAPISTS; i++) {
    const initials = `B${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
    ids.push(Number(insert.run(`benk${String(i + 1).padStart(2, '0')}`, `Benk ${i + 1}`, initials, 'teammedlem', null).lastInsertRowid));
  }
  return ids;
}

function insertCases(db: AppDatabase, random: Random, ids: Ids, therapists: number[]): BenchCase[] {
  const insertCase = db.sqlite.prepare(
    `insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at)
     values (?, ?, ?, ?, 'avsluttet', ?, ?, ?)`,
  );
  const insertStaff = db.sqlite.prepare('insert into case_staff (case_id, team_member_id) values (?, ?)');
  const codes = new Map(
    db.sqlite
      .prepare("select id, code from municipalities where kind = 'member'")
      .all()
      .map((r) => [(r as { id: number }).id, (r as { code: string }).code]),
  );
  const cases: BenchCase[] = [];
  for (let year = BENCH_FIRST_YEAR; year <= BENCH_LAST_YEAR; year++) {
    const running = new Map<number, number>();
    const planned = Array.from({ length: CASES_PER_YEAR }, () => {
      const profile = random.weighted(MUNICIPALITY_PROFILE.map((p) => ({ value: p, weight: p.referralWeight })));
      const from = year === BENCH_FIRST_YEAR && profile.name === 'Rødøy' ? '2020-09-01' : toIsoDate(year, 1, 1);
      return { municipalityId: ids.municipality.get(profile.name)!, referralDate: addDays(from, random.int(0, daysBetween(from, toIsoDate(year, 12, 31)))) };
    }).sort((a, b) => a.referralDate.localeCompare(b.referralDate));
    for (const plan of planned) {
      const number = (running.get(plan.municipalityId) ?? 0) + 1;
      running.set(plan.municipalityId, number);
      const code = `${String(number).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}-${codes.get(plan.municipalityId)}`;
      const stamp = `${plan.referralDate}T10:00:00.000Z`;
      const id = Number(insertCase.run(code, plan.municipalityId, year, number, plan.referralDate, stamp, stamp).lastInsertRowid);
      const first = random.pick(therapists);
      const second = random.pick(therapists.filter((t) => t !== first));
      insertStaff.run(id, first);
      insertStaff.run(id, second);
      cases.push({ id, ...plan, staff: [first, second] });
    }
  }
  return cases;
}

/** Index of the first case referred on or after `date` (cases are sorted by referral date). */
function firstCaseFrom(cases: readonly BenchCase[], date: string): number {
  let low = 0;
  let high = cases.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cases[mid]!.referralDate < date) low = mid + 1;
    else high = mid;
  }
  return low;
}

function randomWorkday(random: Random, year: number): string {
  const days = daysBetween(toIsoDate(year, 1, 1), toIsoDate(year, 12, 31));
  for (;;) {
    const date = addDays(toIsoDate(year, 1, 1), random.int(0, days));
    const weekday = dayOfWeek(date);
    if ((weekday !== 0 && weekday !== 6) || random.chance(0.1)) return date;
  }
}

interface Row {
  date: string;
  caseId: number | null;
  municipalityId: number;
  categoryId: number;
  minutes: number;
  participants: number[];
}

function entriesForYear(random: Random, year: number, count: number, cases: readonly BenchCase[], ids: Ids, therapists: number[]): Row[] {
  const weights = (Object.entries(CATEGORY_SHARE) as [CategoryKey, number][])
    .filter(([key]) => key !== 'administration' || year <= LAST_ADMINISTRATION_YEAR)
    .map(([key, weight]) => ({ value: key, weight }));
  const shared = ids.municipality.get(SHARED_WORK)!;
  const other = ids.municipality.get(OTHER_MUNICIPALITIES)!;
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const date = randomWorkday(random, year);
    const category = random.weighted(weights);
    const minutes = 30 * (category === 'overnight' ? random.int(12, 16) : random.int(1, 6));
    const firstOpen = firstCaseFrom(cases, addDays(date, -CASE_SPAN_DAYS));
    const afterOpen = firstCaseFrom(cases, addDays(date, 1));
    if (SHARED_CATEGORIES.includes(category) || afterOpen === firstOpen) {
      const first = random.pick(therapists);
      const participants = random.chance(0.5) ? [first, random.pick(therapists.filter((t) => t !== first))] : [first];
      const categoryId = ids.category[SHARED_CATEGORIES.includes(category) ? category : 'network'];
      rows.push({ date, caseId: null, municipalityId: shared, categoryId, minutes, participants });
      continue;
    }
    const c = cases[random.int(firstOpen, afterOpen - 1)]!;
    const municipalityId = category === 'partners' && random.chance(0.2) ? other : c.municipalityId;
    const participants = random.chance(0.57) ? [...c.staff] : [random.pick(c.staff)];
    rows.push({ date, caseId: c.id, municipalityId, categoryId: ids.category[category], minutes, participants });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

function insertEntries(db: AppDatabase, rows: readonly Row[]): void {
  const insertEntry = db.sqlite.prepare(
    `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?)`,
  );
  // Participants go in one by one so the triggers keep participant_count, exactly as in the app.
  const insertParticipant = db.sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)');
  const batch = db.sqlite.transaction((slice: readonly Row[]) => {
    for (const row of slice) {
      const stamp = `${row.date}T15:00:00.000Z`;
      const by = row.participants[0]!;
      const id = insertEntry.run(row.date, row.caseId, row.municipalityId, row.categoryId, row.minutes, stamp, by, stamp, by).lastInsertRowid;
      for (const member of row.participants) insertParticipant.run(id, member);
    }
  });
  for (let start = 0; start < rows.length; start += BATCH) batch(rows.slice(start, start + BATCH));
}

/**
 * Bulk loading is far faster without the secondary indexes (each participant insert also rewrites the
 * entry's index rows through the count trigger). They are dropped and then recreated from
 * their own stored definitions, so the result has exactly the schema the migrations made.
 */
function withoutSecondaryIndexes(db: AppDatabase, work: () => void): void {
  const indexes = db.sqlite
    .prepare("select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('time_entries', 'time_entry_participants')")
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.sqlite.exec(`drop index "${index.name}"`);
  work();
  for (const index of indexes) db.sqlite.exec(index.sql);
}

async function build(path: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase(path);
  try {
    // Test data: no need to survive a power cut while building, and a large cache keeps the indexes in memory.
    db.sqlite.pragma('synchronous = OFF');
    db.sqlite.pragma('cache_size = -262144');
    const random = createRandom(SEED);
    const ids = loadIds(db);
    const therapists = db.sqlite.transaction(() => insertTeam(db))();
    const cases = db.sqlite.transaction(() => insertCases(db, random, ids, therapists))();
    const years = BENCH_LAST_YEAR - BENCH_FIRST_YEAR + 1;
    withoutSecondaryIndexes(db, () => {
      for (let year = BENCH_FIRST_YEAR; year <= BENCH_LAST_YEAR; year++) {
        const index = year - BENCH_FIRST_YEAR;
        const count = Math.floor((BENCH_ENTRIES * (index + 1)) / years) - Math.floor((BENCH_ENTRIES * index) / years);
        insertEntries(db, entriesForYear(random, year, count, cases, ids, therapists));
        log(`  ${year}: ${count.toLocaleString('nb-NO')} registreringer`);
      }
      log('  indekser …');
    });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The cached database, built first if missing. Returns its path and, when built now, how long it took. */
export function ensureBenchDatabase(log: (line: string) => void): Promise<{ path: string; buildMs: number | null }> {
  return ensureCachedDatabase(benchDatabasePath(), 'bench-', (building) => {
    log(`Bygger benchmark-databasen (${BENCH_ENTRIES.toLocaleString('nb-NO')} registreringer) …`);
    return build(building, log);
  });
}
