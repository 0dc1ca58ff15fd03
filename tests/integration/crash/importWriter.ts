import { writeSync } from 'node:fs';
import { openDatabase } from '../../../electron/db/open';
import { fixedClock } from '../../../electron/services/context';
import { signedInContextSync } from '../../../electron/services/session/actor';
import { commitPlan } from '../../../electron/services/timesheet/commit';
import { syntheticWritePlan, type PlanIds } from '../../support/importPlans';

/**
 * The import-crash test's victim: opens the database as the app does (remote = rollback journal when
 * asked), writes a large import with the import's own transaction (commitPlan, as the writing worker
 * runs it), and kills its own process with SIGKILL at the first progress report, that is with thousands
 * of rows written, the totals trigger dropped and the transaction still open.
 * Arguments: database path, 'remote' or 'local', member id, rows, then the ids as JSON (PlanIds).
 */
const [path, mode, memberArg, rowsArg, idsJson] = process.argv.slice(2) as [string, string, string, string, string];
const db = await openDatabase(path, { remote: mode === 'remote' });
const actor = { id: Number(memberArg), username: 'krasj', role: 'administrator' as const };
const ctx = signedInContextSync({ db, actor, clock: fixedClock('2020-06-15T10:00:00.000Z'), session: { actor } });
commitPlan(ctx, syntheticWritePlan(Number(rowsArg), JSON.parse(idsJson) as PlanIds), 'e'.repeat(64), {
  onProgress: (rowsWritten) => {
    writeSync(1, `${rowsWritten} ${db.sqlite.inTransaction}\n`);
    process.kill(process.pid, 'SIGKILL');
  },
});
writeSync(1, 'committed\n');
