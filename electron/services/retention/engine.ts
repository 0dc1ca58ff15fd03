import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChannelParsedInput, RetentionPreviewDto, RetentionRunDto } from '@shared/contract';
import { isoDateInOslo } from '@shared/dates';
import { transaction } from '../../db/query';
import type { AppDatabase } from '../../db/open';
import { requireAdministrator } from '../session/actor';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { readSettingsSync } from '../settings/settings';
import { backupFolder } from '../backups/service';
import { listBackupFiles } from '../backups/files';
import { annualFiguresSnapshot } from './annualFigures';
import { applyRule, countRule, REDUCTION_RULES, type ReductionRule } from './rules';

/** Statuses of a case that is over; only those, with a closing date, are ever reduced. */
export const CLOSED_STATUSES = ['avsluttet', 'etteroppfolging_utfort', 'avvist'] as const;

/** The same calendar day `years` back (29 February becomes 28 February). */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dueCases(ctx: ServiceContext, cutoffDate: string): RetentionPreviewDto['cases'] {
  const statuses = CLOSED_STATUSES.map(() => '?').join(', ');
  return ctx.db.sqlite
    .prepare(
      // A rejected case ends on its rejection date; it never gets a closure date.
      `select id, code, coalesce(closed_date, rejected_date) as closedDate from cases
        where reduced_at is null and coalesce(closed_date, rejected_date) <= ? and status in (${statuses})
        order by closedDate, code`,
    )
    .all(cutoffDate, ...CLOSED_STATUSES) as RetentionPreviewDto['cases'];
}

function planFor(ctx: ServiceContext) {
  const retentionYears = readSettingsSync(ctx).retentionYears;
  const cutoffDate = retentionCutoff(isoDateInOslo(ctx.clock.now()), retentionYears);
  return { retentionYears, cutoffDate, cases: dueCases(ctx, cutoffDate) };
}

export function previewRetention(ctx: SignedInContext, rules: readonly ReductionRule[] = REDUCTION_RULES): RetentionPreviewDto {
  requireAdministrator(ctx);
  const plan = planFor(ctx);
  const ids = plan.cases.map((c) => c.id);
  return { ...plan, rules: rules.map((rule) => ({ key: rule.key, label: rule.label, rows: countRule(ctx.db, rule, ids) })) };
}

function fileBytes(db: AppDatabase): number {
  const path = db.sqlite.name;
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(`${path}${suffix}`).size;
    } catch {
      // No WAL file (rollback journal on a network path) or an in-memory database.
    }
  }
  return total;
}

/** What runRetention asks of the disk; the tests pass a full disk and a VACUUM that fails. */
export interface RetentionDisk {
  /** Bytes free for this user on the disk holding `path`. */
  freeBytes(path: string): number;
  /** Rewrites the file so removed rows leave no trace in free pages (VACUUM), and empties the WAL. */
  compact(db: AppDatabase): void;
}

export const systemDisk: RetentionDisk = {
  freeBytes: (path) => {
    const stats = statfsSync(dirname(path));
    return stats.bavail * stats.bsize;
  },
  compact: (db) => compactDatabase(db),
};

/** VACUUM can fail for a moment (another PC reading, a virus scanner holding the file): a few tries. */
const COMPACT_ATTEMPTS = 3;

const NOT_COMPACTED =
  'Reduksjonen er lagret, men databasefilen er ikke komprimert ennå. Den fjernede teksten kan fortsatt ligge i filen til komprimeringen er gjort. Frigjør plass på disken og kjør oppbevaringen igjen.';

function tryCompact(db: AppDatabase, disk: RetentionDisk): boolean {
  for (let attempt = 1; attempt <= COMPACT_ATTEMPTS; attempt++) {
    try {
      disk.compact(db);
      return true;
    } catch {
      // Tried again; after the last attempt the caller reports the run as saved but not compacted.
    }
  }
  return false;
}

/**
 * VACUUM needs room for a full copy of the file (and the WAL grows by as much), so the run is refused
 * up front when the disk has less than twice the file free: better than reducing and then being
 * unable to remove the text from the file.
 */
function requireRoomToCompact(ctx: ServiceContext, disk: RetentionDisk, bytes: number): void {
  let free: number;
  try {
    free = disk.freeBytes(ctx.db.path);
  } catch {
    return; // A disk that will not say (some network shares): VACUUM's own failure is reported honestly below.
  }
  if (free < bytes * 2) {
    const neededMb = Math.ceil((bytes * 2) / 1_000_000);
    throw new ServiceError(
      'storage',
      `For lite ledig plass på disken til å fjerne teksten helt fra databasefilen (trenger minst ${neededMb.toLocaleString('nb-NO')} MB). Ingenting ble endret.`,
    );
  }
}

/**
 * Reduces the confirmed cases to statistics in one transaction: applies every rule, marks the cases,
 * compares all annual figures before and after (any difference rolls everything back), and writes one
 * audit row. Then rewrites the file (VACUUM) and empties the WAL, so removed text is gone from disk too.
 * secure_delete overwrites freed pages with zeros as the rows go, so even a failed VACUUM leaves less
 * behind; the answer says plainly when the file could not be compacted.
 */
export async function runRetention(
  ctx: SignedInContext,
  input: ChannelParsedInput<'retention:run'>,
  rules: readonly ReductionRule[] = REDUCTION_RULES,
  disk: RetentionDisk = systemDisk,
): Promise<RetentionRunDto> {
  requireAdministrator(ctx);
  const fileBytesBefore = fileBytes(ctx.db);
  requireRoomToCompact(ctx, disk, fileBytesBefore);
  ctx.db.sqlite.pragma('secure_delete = ON');
  // The rules and the audit row still run on the SQLite connection itself, inside this transaction.
  const result = await transaction(ctx.db, async (db) => {
    const tx: SignedInContext = { ...ctx, db };
    const due = new Set(planFor(tx).cases.map((c) => c.id));
    const caseIds = [...new Set(input.caseIds)];
    if (caseIds.some((id) => !due.has(id))) {
      const message = 'Utvalget er ikke lenger det forhåndsvisningen viste. Åpne forhåndsvisningen på nytt.';
      throw new ServiceError('conflict', message, { caseIds: message });
    }
    const before = await annualFiguresSnapshot(tx);
    const counts = rules.map((rule) => ({ key: rule.key, label: rule.label, rows: applyRule(tx.db, rule, caseIds) }));
    tx.db.sqlite
      .prepare('update cases set reduced_at = ?, updated_at = ? where id in (select value from json_each(?))')
      .run(ctx.clock.now().toISOString(), ctx.clock.now().toISOString(), JSON.stringify(caseIds));
    const after = await annualFiguresSnapshot(tx);
    if (after.snapshot !== before.snapshot) {
      throw new ServiceError('conflict', 'Kjøringen ville endret årstallene for tidligere år, og ble stoppet. Ingenting ble endret.');
    }
    recordAuditSync(tx, 'retention', 'retention', null, auditedFields('retention:run', ['caseIds', ...counts.filter((c) => c.rows > 0).map((c) => c.key)]));
    return { reducedCases: caseIds.length, rules: counts, yearsChecked: before.years };
  });
  const compacted = tryCompact(ctx.db, disk);
  const holding = backupsHoldingRemovedText(ctx);
  const warnings = [
    ...(compacted ? [] : [NOT_COMPACTED]),
    ...(holding.length > 0 ? [`Disse sikkerhetskopiene har fortsatt den fjernede teksten til de roteres bort eller slettes: ${holding.join(', ')}.`] : []),
  ];
  return {
    ...result,
    fileBytesBefore,
    fileBytesAfter: fileBytes(ctx.db),
    compacted,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
    backupsHoldingRemovedText: holding,
  };
}

/** Every copy in the backup folder was taken before this run, so each still holds what it removed. */
function backupsHoldingRemovedText(ctx: ServiceContext): string[] {
  try {
    return listBackupFiles(backupFolder(ctx)).map((file) => file.fileName);
  } catch {
    return [];
  }
}

/** Outside any transaction: VACUUM rewrites every page, and the checkpoint empties the WAL of old copies. */
export function compactDatabase(db: AppDatabase): void {
  db.sqlite.exec('vacuum');
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
