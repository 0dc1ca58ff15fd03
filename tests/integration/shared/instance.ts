import { openDatabase } from '../../../electron/db/open';
import { createDispatcher } from '../../../electron/services/dispatcher';

/**
 * One more PC on the shared file, as a real OS process: the app's own openDatabase (shared mode, its
 * pragmas) and dispatcher. A writer does `ops` random operations — create, update and delete its own
 * time entries, set the staff of the shared cases, create contacts — with short random sleeps, and
 * prints one line per commit only after the call returned ok. A reader runs the statistics until killed.
 * A «dying» instance opens a write transaction, writes enough that pages spill into the file, says
 * `inside` and waits to be killed: a PC that lost power in the middle of a save.
 * Arguments: role, database path, member id, municipality id, category id, case ids (a,b), ops, seed.
 */
const [role, path, memberArg, municipalityArg, categoryArg, casesArg, opsArg, seedArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const memberId = Number(memberArg);
const municipalityId = Number(municipalityArg);
const categoryId = Number(categoryArg);
const caseIds = casesArg.split(',').map(Number);
let seed = Number(seedArg) || 1;
/** A small deterministic generator, so a failing run can be repeated with its seed. */
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line: string) => process.stdout.write(`${line}\n`);

const db = await openDatabase(path);
const dispatcher = createDispatcher({ db, session: { actor: { id: memberId, username: `skriver`, role: 'administrator' } } });
say(`ready ${db.shared ? 'shared' : 'local'} ${String(db.sqlite.pragma('journal_mode', { simple: true }))}`);

function report(result: { ok: boolean; error?: { code: string; message: string } }, line: () => string): boolean {
  if (result.ok) say(line());
  else say(`error ${result.error!.code} ${result.error!.message}`);
  return result.ok;
}

if (role === 'dying') {
  // A small page cache, so the uncommitted pages are written into the file itself (the journal holding
  // the originals, synced first): only the journal can undo them.
  db.sqlite.pragma('cache_size = 8');
  db.sqlite.prepare('BEGIN IMMEDIATE').run();
  const now = new Date().toISOString();
  const insert = db.sqlite.prepare("insert into contacts (name, kind, area, created_at, updated_at) values (?, 'nav', 'regional', ?, ?)");
  for (let n = 0; n < 3000; n += 1) insert.run(`Halvskrevet ${n} ${'x'.repeat(80)}`, now, now);
  say('inside');
  await sleep(120_000);
} else if (role === 'reader') {
  for (;;) {
    const result = await dispatcher.dispatchAsync('statistics:pivot', { period: { year: 2020 }, rows: 'municipality', columns: 'category', measure: 'hours' });
    report(result, () => 'read');
    await sleep(100);
  }
} else {
  const mine: number[] = [];
  /** The version of each of this writer's entries as it last saw it: updates and deletes must name it. */
  const versions = new Map<number, number>();
  type Saved = { value: { id: number; version: number } };
  for (let op = 0; op < Number(opsArg); op += 1) {
    const kind = mine.length === 0 ? 'create' : pick(['create', 'create', 'update', 'delete', 'staff', 'contact'] as const);
    // Spread over the year: all writers log as one member, who may not pass 24 hours in a day.
    const date = `2020-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    // The time-entry rules take whole and half hours.
    const minutes = 30 * (1 + Math.floor(random() * 8));
    const hours = String(minutes / 60).replace('.', ',');
    // A year of back-filled entries with random repeats: the questions about old dates and likely
    // duplicates are answered up front, as a user saving them would.
    const confirmed = { confirmOldDate: true, confirmDuplicate: true };
    if (kind === 'create') {
      const result = await dispatcher.dispatchAsync('time-entries:create', { date, municipalityId, categoryId, hours, ...confirmed });
      if (report(result, () => `create ${(result as Saved).value.id} ${minutes} ${date}`)) {
        mine.push((result as Saved).value.id);
        versions.set((result as Saved).value.id, (result as Saved).value.version);
      }
    } else if (kind === 'update') {
      const id = pick(mine);
      const result = await dispatcher.dispatchAsync('time-entries:update', {
        id,
        version: versions.get(id)!,
        date,
        municipalityId,
        categoryId,
        hours,
        ...confirmed,
      });
      if (report(result, () => `update ${id} ${minutes} ${date}`)) versions.set(id, (result as Saved).value.version);
    } else if (kind === 'delete') {
      const id = pick(mine);
      const result = await dispatcher.dispatchAsync('time-entries:delete', { id, version: versions.get(id)! });
      if (report(result, () => `delete ${id}`)) mine.splice(mine.indexOf(id), 1);
    } else if (kind === 'staff') {
      const id = pick(caseIds);
      // Read as a screen would, think a moment as a user filling the form does, then save: with five
      // writers on two cases, others edit the case in between often enough that conflicts must occur.
      const { version } = db.sqlite.prepare('SELECT version FROM cases WHERE id = ?').get(id) as { version: number };
      await sleep(5 + Math.floor(random() * 20));
      report(await dispatcher.dispatchAsync('cases:set-staff', { id, version, staffIds: [memberId] }), () => `staff ${id}`);
    } else {
      const result = await dispatcher.dispatchAsync('contacts:create', { name: `Partner ${op}`, kind: 'nav', area: 'regional' });
      report(result, () => `contact ${(result as { value: { id: number } }).value?.id}`);
    }
    await sleep(Math.floor(random() * 8));
  }
  say('done');
  db.close();
}
