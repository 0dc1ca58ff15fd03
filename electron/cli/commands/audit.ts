import { writeFileSync } from 'node:fs';
import { auditWorkbook } from '../../services/audit/export';
import { verifyAuditChain } from '../../services/audit/log';
import type { CommandArgs } from '../command';
import type { auditSpec } from '../commandSpecs';
import { DamagedDatabaseFailure, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, UsageError, type CliIo } from '../io';

/** A damaged file is reported as damaged: its log can be neither trusted nor walked. */
function reportDamage(io: CliIo, failure: DamagedDatabaseFailure): number {
  printJson(io, { ok: false, damaged: true, problems: failure.report.problems });
  io.err('Databasefilen er skadet (besto ikke quick_check), så revisjonsloggen i den kan ikke kontrolleres. Hent fram siste gode sikkerhetskopi.');
  return EXIT.failed;
}

async function verify(path: string, io: CliIo): Promise<number> {
  let verdict: Awaited<ReturnType<typeof verifyAuditChain>>;
  try {
    verdict = await withCliDatabase(path, verifyAuditChain);
  } catch (error) {
    if (error instanceof DamagedDatabaseFailure) return reportDamage(io, error);
    throw error;
  }
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
    // Created, never overwritten, and never through a link someone put there.
    writeFileSync(out, buffer, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') throw new CliFailure(`${out} finnes allerede. Velg et annet filnavn.`);
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
