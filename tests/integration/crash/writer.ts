import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { applyJournalMode, applyPragmas } from '../../../electron/db/pragmas';
import { auditRowHash, GENESIS_HASH } from '../../../electron/db/auditChain';
import { isRemotePath } from '../../../electron/db/remotePath';
import { isMarkedShared } from '../../../electron/db/sharing';

/**
 * The crash test's victim. It opens the database with the app's own connection settings and writes time
 * entries the way the time-entry service does — entry, participant and audit row in one immediate
 * transaction, daily totals by the schema's triggers — and reports an id on stdout only after the commit
 * returned. The parent kills it at a random moment. Only better-sqlite3 and the pragmas are loaded
 * (not the whole dispatcher) so that two hundred starts fit in the test's time.
 * Arguments: database path, member id, municipality id, category id, case id.
 */
const [path, memberId, municipalityId, categoryId, caseId] = process.argv.slice(2).map((arg, i) => (i === 0 ? arg : Number(arg))) as [
  string,
  number,
  number,
  number,
  number,
];
const sqlite = new Database(path, { fileMustExist: true });
applyPragmas(sqlite);
applyJournalMode(sqlite, false, isMarkedShared(sqlite) || isRemotePath(path, null));

const insertEntry = sqlite.prepare(
  `insert into time_entries (entry_date, case_id, municipality_id, category_id, minutes, source, created_at, created_by, updated_at, updated_by)
   values (?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?) returning id`,
);
const insertParticipant = sqlite.prepare('insert into time_entry_participants (time_entry_id, team_member_id) values (?, ?)');
const lastAudit = sqlite.prepare('select id, hash from audit_log order by id desc limit 1');
const insertAudit = sqlite.prepare(
  `insert into audit_log (id, at, actor_id, action, record_type, record_id, fields, prev_hash, hash)
   values (@id, @at, @actor_id, @action, @record_type, @record_id, @fields, @prev_hash, @hash)`,
);
/** The audit row as recordAudit writes it: next id, linked to the previous row's hash. */
function audit(now: string, entryId: number): void {
  const last = lastAudit.get() as { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: now,
    actor_id: memberId,
    action: 'create',
    record_type: 'time_entry',
    record_id: String(entryId),
    fields: '["date"]',
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  insertAudit.run({ ...row, hash: auditRowHash(row) });
}
const write = sqlite.transaction((date: string, minutes: number) => {
  const now = new Date().toISOString();
  const { id } = insertEntry.get(date, caseId, municipalityId, categoryId, minutes, now, memberId, now, memberId) as { id: number };
  insertParticipant.run(id, memberId);
  audit(now, id);
  return id;
});

writeSync(1, 'ready\n');
for (let n = 0; ; n++) {
  const date = new Date(Date.UTC(2020, 0, 1 + (n % 360))).toISOString().slice(0, 10);
  const id = write.immediate(date, 30 + (n % 8) * 30);
  // Synchronous: the parent must hear of a commit before anything else can happen.
  writeSync(1, `${id}\n`);
}
