import { writeSync } from 'node:fs';
import { openDatabase } from '../../../electron/db/open';
import { createDispatcher } from '../../../electron/services/dispatcher';

/**
 * The crash test's victim. It opens the database the way the app does (openDatabase: pragmas, journal
 * mode, migrations check), signs a member in through session:sign-in, and then runs a mix of real writes
 * through the dispatcher and its services — time entries created, edited and deleted, cases created and
 * their staff changed, contacts created and edited — for ever. After each write the dispatcher acknowledged,
 * it reports `table id version` on stdout (version 0: deleted), synchronously, so the parent hears of a
 * commit before anything else can happen. The parent kills it at a random moment, or — with
 * ETTERVERN_CRASH_AT_WRITE=N — the writer kills itself just before the Nth SQL statement that changes the
 * file (insert, update, delete) after signing in. A kill timed from outside rarely lands in the
 * microseconds between two statements, so a write split over two transactions would almost never be
 * caught; killing before each changing statement in turn reaches every state a crash can leave.
 * Arguments: database path, user name, municipality id, category id, member id; the password in
 * ETTERVERN_CRASH_PASSWORD.
 */
const [path, username, municipalityArg, categoryArg, memberArg] = process.argv.slice(2) as [string, string, string, string, string];
const municipalityId = Number(municipalityArg);
const categoryId = Number(categoryArg);
const memberId = Number(memberArg);

const killAt = Number(process.env.ETTERVERN_CRASH_AT_WRITE ?? 0);
let changes = 0;
let signedIn = false;
/** better-sqlite3 calls this with each statement's SQL before running it. */
function countStatement(sql: unknown): void {
  if (signedIn && /^\s*(insert|update|delete|replace)\b/i.test(String(sql)) && ++changes === killAt) process.kill(process.pid, 'SIGKILL');
}

const db = await openDatabase(path, killAt > 0 ? { verbose: countStatement } : {});
const dispatcher = createDispatcher({ db });

function write(channel: string, payload: unknown): { id: number; version?: number } {
  const result = dispatcher.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as { id: number; version?: number };
}

const report = (table: string, id: number, version: number) => writeSync(1, `${table} ${id} ${version}\n`);

const signedInResult = await dispatcher.dispatchAsync('session:sign-in', { username, password: process.env.ETTERVERN_CRASH_PASSWORD });
if (!signedInResult.ok) throw new Error(`session:sign-in: ${signedInResult.error.code} ${signedInResult.error.message}`);
signedIn = true;
writeSync(1, 'ready\n');

/** What this process made: only its own records are edited, so the parent knows each one's last acknowledged state. */
const entries: Made[] = [];
const cases: Made[] = [];
const contacts: Made[] = [];
const hours = (n: number) => ['0,5', '1', '1,5', '0,5', '2'][n % 5]!;
/**
 * Each process starts on a random day from 2020 (when the municipality joined) to 2025, so the runs
 * together never give the member more than 24 hours a day (a rule the service enforces).
 */
const firstDay = Math.floor(Math.random() * 2100);
const dateOf = (n: number) => new Date(Date.UTC(2020, 0, 1 + firstDay + (n % 60))).toISOString().slice(0, 10);

/** The order of the mix: every kind of write within the first six, so even a process killed early edits something. */
const MIX = [
  'create-entry',
  'create-case',
  'create-contact',
  'update-entry',
  'set-staff',
  'update-contact',
  'create-entry',
  'update-entry',
  'delete-entry',
  'create-entry',
] as const;

type Made = { id: number; version: number };

/** A create: the record joins this process's list, and its first version is reported. */
function create(list: Made[], table: string, channel: string, payload: unknown): void {
  const made = write(channel, payload);
  // The case list's DTO carries no version; a new record starts at 1 (migration 0013).
  list.push({ id: made.id, version: made.version ?? 1 });
  report(table, made.id, made.version ?? 1);
}

/** An edit of the newest record in the list, with the version this process last saw. */
function edit(list: Made[], table: string, channel: string, fields: object): void {
  const record = list.at(-1);
  if (!record) return;
  record.version = write(channel, { id: record.id, version: record.version, ...fields }).version!;
  report(table, record.id, record.version);
}

for (let n = 0; ; n++) {
  // Confirmed as the user would: the dates lie more than a year back, and a repeat of an entry is intended.
  const entryFields = { date: dateOf(n), municipalityId, categoryId, hours: hours(n), confirmOldDate: true, confirmDuplicate: true };
  const contactFields = { name: `Partner ${n}`, kind: 'nav', area: 'member', municipalityId };
  switch (MIX[n % MIX.length]) {
    case 'create-entry':
      create(entries, 'time_entries', 'time-entries:create', entryFields);
      break;
    case 'update-entry':
      edit(entries, 'time_entries', 'time-entries:update', { ...entryFields, date: dateOf(n + 7), hours: hours(n + 1) });
      break;
    case 'delete-entry': {
      const entry = entries.shift();
      if (!entry) break;
      // Said first: killed between the commit and the report, the entry is gone without a report saying so.
      writeSync(1, `deleting time_entries ${entry.id}\n`);
      write('time-entries:delete', { id: entry.id, version: entry.version });
      report('time_entries', entry.id, 0);
      break;
    }
    case 'create-case':
      create(cases, 'cases', 'cases:create', { municipalityId, referralDate: dateOf(n) });
      break;
    case 'set-staff':
      edit(cases, 'cases', 'cases:set-staff', { staffIds: n % 20 < 10 ? [memberId] : [] });
      break;
    case 'create-contact':
      create(contacts, 'contacts', 'contacts:create', contactFields);
      break;
    case 'update-contact':
      edit(contacts, 'contacts', 'contacts:update', { ...contactFields, name: `Partner ${n} endret` });
  }
}
