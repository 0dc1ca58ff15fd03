import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCachedDatabase, schemaKey } from './cachedDatabase';
import { olderCachedFile, upgradeCachedCopy } from './upgradeCachedDatabase';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { addDays, toIsoDate } from '@shared/dates';
import { CATEGORY, LAST_ADMINISTRATION_YEAR, MUNICIPALITY_PROFILE, OTHER_MUNICIPALITIES, SHARED_WORK, type CategoryKey } from '../../electron/cli/demo/profile';
import { dayOfWeek, daysBetween } from '../../electron/cli/demo/calendar';
import { createRandom, type Random } from '../../electron/cli/demo/random';
import { DEMO_PASSWORD } from '../../electron/cli/demo/staff';
import { hashPassword } from '../../electron/services/session/passwords';

/**
 * The benchmark databases: time entries over several years, built with direct prepared INSERTs (test
 * data, not the app path) and cached. One generator at every scale, so a growth curve compares like with
 * like. The file name carries the scale, the schema (every migration's name) and the generator version,
 * so a new migration or a change below builds a fresh one.
 */
export interface BenchScale {
  /** Short name: «1M», «10M» (the bench's filter and the growth table use it). */
  label: string;
  entries: number;
  firstYear: number;
  lastYear: number;
  therapists: number;
  casesPerYear: number;
}

/** The default bench database: one team (40 therapists), 600 cases a year over 2020–2025. */
export const SCALE_1M: BenchScale = { label: '1M', entries: 1_000_000, firstYear: 2020, lastYear: 2025, therapists: 40, casesPerYear: 600 };
/**
 * Ten times larger: ten years, about 50,000 cases and several teams' worth of members (the nine member
 * municipalities as before). Opt-in: building it takes many minutes (README, «Benchmarks»).
 */
export const SCALE_10M: BenchScale = { label: '10M', entries: 10_000_000, firstYear: 2016, lastYear: 2025, therapists: 300, casesPerYear: 5_000 };
/** The small ends of the growth curves: the same team and years as 1M, fewer entries (and cases, so entries per case stay alike). */
export const SCALE_10K: BenchScale = { ...SCALE_1M, label: '10k', entries: 10_000, casesPerYear: 60 };
export const SCALE_100K: BenchScale = { ...SCALE_1M, label: '100k', entries: 100_000, casesPerYear: 120 };

export const BENCH_LAST_YEAR = SCALE_1M.lastYear;
const GENERATOR_VERSION = 3;
const SEED = 1_000_000;
const BATCH = 50_000;
/** A case gets time from its referral until about five months later. */
const CASE_SPAN_DAYS = 150;
/** Rødøy joined the team on this date: no case of its before. */
const RODOY_JOINED = '2020-09-01';

/** Share of entries per category, as the demo generator produces them (Administrasjonsarbeid: 2020 and before). */
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

/** `bench-<entries>-…`: one prefix per scale, so replacing one scale's file never removes another's. */
export const benchFilePrefix = (scale: BenchScale) => `bench-${scale.entries}-`;

export function benchDatabasePath(scale: BenchScale): string {
  return join(BENCH_CACHE_DIR, `${benchFilePrefix(scale)}${schemaKey()}-g${GENERATOR_VERSION}.sqlite`);
}

/** ISO dates order as plain text; localeCompare costs seconds on a million rows. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

function insertTeam(db: AppDatabase, scale: BenchScale): number[] {
  const insert = db.sqlite.prepare(
    `insert into team_members (username, display_name, initials, role, created_at, password_hash) values (?, ?, ?, ?, '2020-01-01T08:00:00.000Z', ?)`,
  );
  // The leader signs in for the save measure, with the demo password.
  insert.run('benk.leder', 'Benk Leder', 'BL', 'administrator', hashPassword(DEMO_PASSWORD));
  const ids: number[] = [];
  for (let i = 0; i < scale.therapists; i++) {
    // Two letters after the B cover 676 members; a bigger team would need a third.
    const initials = `B${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
    ids.push(Number(insert.run(`benk${String(i + 1).padStart(2, '0')}`, `Benk ${i + 1}`, initials, 'teammedlem', null).lastInsertRowid));
  }
  return ids;
}

function insertCases(db: AppDatabase, scale: BenchScale, random: Random, ids: Ids, therapists: number[]): BenchCase[] {
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
  for (let year = scale.firstYear; year <= scale.lastYear; year++) {
    const running = new Map<number, number>();
    const joined = (p: (typeof MUNICIPALITY_PROFILE)[number]) => p.name !== 'Rødøy' || year >= Number(RODOY_JOINED.slice(0, 4));
    const profiles = MUNICIPALITY_PROFILE.filter(joined).map((p) => ({ value: p, weight: p.referralWeight }));
    const planned = Array.from({ length: scale.casesPerYear }, () => {
      const profile = random.weighted(profiles);
      const start = toIsoDate(year, 1, 1);
      const from = profile.name === 'Rødøy' && RODOY_JOINED > start ? RODOY_JOINED : start;
      return { municipalityId: ids.municipality.get(profile.name)!, referralDate: addDays(from, random.int(0, daysBetween(from, toIsoDate(year, 12, 31)))) };
    }).sort((a, b) => compareText(a.referralDate, b.referralDate));
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
  return rows.sort((a, b) => compareText(a.date, b.date));
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

async function build(scale: BenchScale, path: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase(path);
  try {
    // Test data: no need to survive a power cut while building, and a large cache keeps the indexes in memory.
    db.sqlite.pragma('synchronous = OFF');
    db.sqlite.pragma('cache_size = -262144');
    const random = createRandom(SEED);
    const ids = loadIds(db);
    const therapists = db.sqlite.transaction(() => insertTeam(db, scale))();
    const cases = db.sqlite.transaction(() => insertCases(db, scale, random, ids, therapists))();
    const years = scale.lastYear - scale.firstYear + 1;
    withoutSecondaryIndexes(db, () => {
      for (let year = scale.firstYear; year <= scale.lastYear; year++) {
        const index = year - scale.firstYear;
        const count = Math.floor((scale.entries * (index + 1)) / years) - Math.floor((scale.entries * index) / years);
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

/** The cached database of this scale, built first if missing. Returns its path and, when built now, how long it took. */
export function ensureBenchDatabase(scale: BenchScale, log: (line: string) => void): Promise<{ path: string; buildMs: number | null }> {
  const path = benchDatabasePath(scale);
  return ensureCachedDatabase(path, benchFilePrefix(scale), async (building) => {
    // A new migration renames the cache; the file of the schema before it is upgraded rather than rebuilt.
    const older = olderCachedFile(path, benchFilePrefix(scale), `-g${GENERATOR_VERSION}.sqlite`);
    if (older) {
      log(`Oppgraderer benchmark-databasen ${scale.label} fra ${basename(older)} …`);
      if (await upgradeCachedCopy(older, building, log)) return;
    }
    log(`Bygger benchmark-databasen ${scale.label} (${scale.entries.toLocaleString('nb-NO')} registreringer) …`);
    return build(scale, building, log);
  });
}
