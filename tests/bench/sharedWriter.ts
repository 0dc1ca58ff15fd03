import { openDatabase } from '../../electron/db/open';
import { createDispatcher } from '../../electron/services/dispatcher';

/**
 * A colleague's PC for the shared-database bench: a process of its own (its own connection, the app's
 * openDatabase and dispatcher) that saves one time entry every `intervalMs` until its stdin closes.
 * Arguments: database path, member id, municipality id, category id, interval in ms.
 * Prints «ready» once open, and at the end «saved N busy M» (busy refusals are the typed ones).
 */
const [path, memberArg, municipalityArg, categoryArg, intervalArg] = process.argv.slice(2) as [string, string, string, string, string];
const db = await openDatabase(path);
const dispatcher = createDispatcher({ db, session: { actor: { id: Number(memberArg), username: 'kollega', role: 'administrator' } } });
let stopped = false;
process.stdin.on('close', () => (stopped = true));
process.stdin.on('end', () => (stopped = true));
process.stdin.resume();
process.stdout.write('ready\n');
let saved = 0;
let busy = 0;
for (let run = 0; !stopped; run += 1) {
  const result = await dispatcher.dispatchAsync('time-entries:create', {
    date: `2025-0${1 + (run % 9)}-1${run % 10}`,
    municipalityId: Number(municipalityArg),
    categoryId: Number(categoryArg),
    hours: '0,5',
    // The load, not the measure: these saves repeat their dates on purpose, as a colleague who has answered
    // the duplicate and old-date questions would save them.
    confirmDuplicate: true,
    confirmOldDate: true,
  });
  if (result.ok) saved += 1;
  else if (result.error.code === 'busy') busy += 1;
  else throw new Error(`${result.error.code}: ${result.error.message}`);
  await new Promise((resolve) => setTimeout(resolve, Number(intervalArg)));
}
process.stdout.write(`saved ${saved} busy ${busy}\n`);
db.close();
