import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { AuditFindingDto, AuditVerifyDto } from '@shared/contract';
import { formatNorwegianDateTime } from '@shared/format';
import { prepare } from '../../db/exec';
import type { AppDatabase } from '../../db/open';
import { listBackupFiles } from '../backups/files';
import { chainContains, explainingRestore, readAuditHead, readWitness, type AuditHead, type WitnessKey } from './witness';

/** Where `audit verify` looks for heads the log must still contain. */
export interface WitnessSources {
  /** This PC's folder with its witness, and the key that signed it. */
  userDataDir?: string | undefined;
  key?: WitnessKey | undefined;
  /** The backup folder: every copy there carries the head of the log at the time it was taken. */
  backupFolder?: string | undefined;
}

interface SeenHead {
  source: string;
  head: AuditHead;
  seenAt: string;
}

/** At most this many copies are opened, newest first: enough to span the rotation, bounded in time. */
const MAX_BACKUPS_CHECKED = 60;

function backupHeads(folder: string, nativeBinding: string | undefined): SeenHead[] {
  const heads: SeenHead[] = [];
  let files: ReturnType<typeof listBackupFiles>;
  try {
    files = listBackupFiles(folder);
  } catch {
    return heads;
  }
  for (const file of files.slice(0, MAX_BACKUPS_CHECKED)) {
    let sqlite: Database.Database | undefined;
    try {
      sqlite = new Database(join(folder, file.fileName), { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      const last = sqlite.prepare('select id, hash, at from audit_log order by id desc limit 1').get() as
        { id: number; hash: string | null; at: string } | undefined;
      if (last) heads.push({ source: `sikkerhetskopien ${file.fileName}`, head: { rows: last.id, hash: last.hash }, seenAt: last.at });
    } catch {
      // A copy that cannot be read witnesses nothing; `backups` reports damaged copies itself.
    } finally {
      sqlite?.close();
    }
  }
  return heads;
}

function memberName(db: AppDatabase, id: number | null): string {
  if (id === null) return 'ukjent bruker';
  const row = prepare(db, 'select display_name from team_members where id = ?').get(id) as { display_name: string } | undefined;
  return row?.display_name ?? `teammedlem nr. ${id}`;
}

function restoreFinding(db: AppDatabase, source: string, lost: AuditHead, restore: { id: number; at: string; actor_id: number | null }): AuditFindingDto {
  return {
    kind: 'restore',
    source,
    message: `Loggen ble spolt tilbake av en gjenoppretting ${formatNorwegianDateTime(restore.at)} av ${memberName(db, restore.actor_id)} (rad nr. ${restore.id}); ${source} hadde sett ${lost.rows} rader.`,
  };
}

function compare(db: AppDatabase, seen: SeenHead, current: AuditHead): AuditFindingDto | null {
  if (chainContains(db, seen.head)) return null;
  const restore = explainingRestore(db, seen.head, seen.seenAt);
  if (restore) return restoreFinding(db, seen.source, seen.head, restore);
  if (seen.head.rows > current.rows) {
    return {
      kind: 'cut-tail',
      source: seen.source,
      message: `Rader er fjernet fra slutten av loggen: ${seen.source} har sett ${seen.head.rows} rader, nå er det ${current.rows}.`,
    };
  }
  return {
    kind: 'rewritten',
    source: seen.source,
    message: `Loggen er skrevet om: rad nr. ${seen.head.rows} er ikke den ${seen.source} har sett, selv om hash-kjeden henger sammen.`,
  };
}

/** Findings that mean the log was changed outside the app; a recorded restore is reported but is not one. */
export function isTampering(finding: AuditFindingDto): boolean {
  return finding.kind !== 'restore';
}

/** The chain's own check (verdict) plus every witness: this PC's and the heads the backups carry. */
export function witnessFindings(db: AppDatabase, sources: WitnessSources): AuditFindingDto[] {
  const current = readAuditHead(db);
  const findings: AuditFindingDto[] = [];
  const seen: SeenHead[] = [];
  if (sources.userDataDir && sources.key) {
    const reading = readWitness(sources.userDataDir, db.path, sources.key);
    if (reading.kind === 'bad-signature') {
      findings.push({ kind: 'forged-witness', source: 'denne PC-en', message: 'Vitnet denne PC-en har lagret for loggen er endret eller har feil signatur.' });
    } else if (reading.kind === 'ok') {
      seen.push({ source: 'denne PC-en', head: reading.record.head, seenAt: reading.record.seenAt });
      for (const rewind of reading.record.rewinds) {
        findings.push(restoreFinding(db, 'denne PC-en', rewind.previous, { id: rewind.restoreRowId, at: rewind.restoreAt, actor_id: rewind.restoredBy }));
      }
    }
  }
  if (sources.backupFolder) seen.push(...backupHeads(sources.backupFolder, db.nativeBinding));
  for (const head of seen) {
    const finding = compare(db, head, current);
    if (finding) findings.push(finding);
  }
  return findings;
}

export function withWitnesses(db: AppDatabase, verdict: Omit<AuditVerifyDto, 'findings'>, sources: WitnessSources): AuditVerifyDto {
  const findings = witnessFindings(db, sources);
  return { ...verdict, ok: verdict.ok && !findings.some(isTampering), findings };
}
