import { writeFileSync } from 'node:fs';
import { auditWorkbook } from '../../services/audit/export';
import type { AuditVerifyDto } from '@shared/contract';
import type { AppDatabase } from '../../db/open';
import { verifyAuditAgainstWitnesses } from '../../services/audit/log';
import { updateWitness } from '../../services/audit/witness';
import { keyFromFile } from '../../services/audit/witnessKeyFile';
import { backupFolder } from '../../services/backups/service';
import type { CommandArgs } from '../command';
import type { auditSpec } from '../commandSpecs';
import { DamagedDatabaseFailure, thisPc, withCliDatabase, type CliPc } from '../database';
import { CliFailure, EXIT, printJson, UsageError, type CliIo } from '../io';

/** The chain, this PC's witness (when a folder is given) and the backups' heads; then the witness moves on. */
function verifyWithWitnesses(db: AppDatabase, witnessDir: string | undefined, now: Date): AuditVerifyDto {
  const key = witnessDir ? keyFromFile(witnessDir) : undefined;
  const folder = backupFolder({ db, actor: null, clock: { now: () => now }, session: { actor: null } });
  const verdict = verifyAuditAgainstWitnesses(db, { userDataDir: witnessDir, key, backupFolder: folder });
  // Only a log that passed moves the witness: one that failed must stay as evidence.
  if (verdict.ok && witnessDir && key) updateWitness(db, witnessDir, key, now);
  return verdict;
}

/** A damaged file is reported as damaged: its log can be neither trusted nor walked. */
function reportDamage(io: CliIo, failure: DamagedDatabaseFailure): number {
  printJson(io, { ok: false, damaged: true, problems: failure.report.problems });
  io.err('Databasefilen er skadet (besto ikke quick_check), så revisjonsloggen i den kan ikke kontrolleres. Hent fram siste gode sikkerhetskopi.');
  return EXIT.failed;
}

async function verify(path: string, pc: CliPc, io: CliIo): Promise<number> {
  let verdict: AuditVerifyDto;
  try {
    verdict = await withCliDatabase(path, (db) => verifyWithWitnesses(db, pc.folder, io.now()), { pc, witnessMoves: false });
  } catch (error) {
    if (error instanceof DamagedDatabaseFailure) return reportDamage(io, error);
    throw error;
  }
  printJson(io, verdict);
  for (const finding of verdict.findings) io.err(finding.message);
  if (verdict.ok) {
    io.err(`Revisjonsloggen er hel (${verdict.rows} rader).`);
    return EXIT.ok;
  }
  if (verdict.firstBrokenId !== null) io.err(`Revisjonsloggen er endret utenfor appen: første brutte rad er nr. ${verdict.firstBrokenId}.`);
  else io.err('Revisjonsloggen er endret utenfor appen: vitnene stemmer ikke med loggen.');
  return EXIT.failed;
}

async function exportLog(path: string, out: string, pc: CliPc, io: CliIo): Promise<number> {
  const { buffer, rows } = await withCliDatabase(path, (db) => auditWorkbook(db, undefined), { pc, witnessMoves: false });
  try {
    // `wx`: never overwrites a file, and never follows a symlink planted where the export is to go.
    writeFileSync(out, buffer, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new CliFailure(`${out} finnes allerede. Velg et nytt filnavn; ingenting ble overskrevet.`);
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
  const pc = thisPc(args.vitnemappe, io);
  if (args.action === 'verify') return verify(args.db, pc, io);
  if (args.out === undefined) throw new UsageError('Mangler --out FIL.xlsx');
  return exportLog(args.db, args.out, pc, io);
}
