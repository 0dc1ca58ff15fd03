import { writeFileSync } from 'node:fs';
import { auditWorkbook } from '../../services/audit/export';
import { verifyAuditChain } from '../../services/audit/log';
import type { CommandArgs } from '../command';
import type { auditSpec } from '../commandSpecs';
import { withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError, type CliIo } from '../io';

async function verify(path: string, io: CliIo): Promise<number> {
  const verdict = await withCliDatabase(path, verifyAuditChain);
  printJson(io, verdict);
  if (verdict.ok) {
    io.err(`Revisjonsloggen er hel (${verdict.rows} rader).`);
    return EXIT.ok;
  }
  io.err(`Revisjonsloggen er endret utenfor appen: første brutte rad er nr. ${verdict.firstBrokenId}.`);
  return EXIT.failed;
}

async function exportLog(path: string, out: string, io: CliIo): Promise<number> {
  const { buffer, rows } = await withCliDatabase(path, (db) => auditWorkbook(db, undefined));
  try {
    writeFileSync(out, buffer);
  } catch {
    throw new CliFailure(`Kunne ikke skrive ${out}.`);
  }
  printJson(io, { file: out, rows });
  return EXIT.ok;
}

/**
 * `audit verify`: walks the hash chain and names the first row that was changed or removed outside
 * the app. `audit export`: the whole log as .xlsx. Both read only; neither needs a password, since
 * whoever holds the database file can read it anyway — the point is to detect tampering.
 */
export async function runAudit(args: CommandArgs<typeof auditSpec>, io: CliIo): Promise<number> {
  if (args.action === 'verify') return verify(args.db, io);
  if (args.out === undefined) throw new UsageError('Mangler --out FIL.xlsx');
  return exportLog(args.db, args.out, io);
}
