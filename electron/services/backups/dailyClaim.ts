import { run, transaction } from '../../db/exec';
import type { AppDatabase } from '../../db/open';

/**
 * On a shared file every running instance has its own schedule; the day's backup belongs to the first
 * one that inserts the day's row, inside one short write transaction (`BEGIN IMMEDIATE`), so two PCs
 * can never both win. The others see the row and skip the day.
 */
export function claimDailyBackup(db: AppDatabase, day: string, now: Date): boolean {
  return transaction(db, () => {
    const inserted = run(
      db,
      db.kysely
        .insertInto('daily_backup_claims')
        .values({ day, instance_id: db.instanceId, claimed_at: now.toISOString(), file_name: null })
        .onConflict((oc) => oc.column('day').doNothing()),
    );
    return inserted.changes === 1;
  });
}

/** The claim names the backup it led to, so the team can see which file is the day's. */
export function completeDailyBackup(db: AppDatabase, day: string, fileName: string): void {
  run(db, db.kysely.updateTable('daily_backup_claims').set({ file_name: fileName }).where('day', '=', day).where('instance_id', '=', db.instanceId));
}

/**
 * A claimed backup that failed gives the day back: an hour later this instance (or any other) tries
 * again, rather than the day going without a backup because one PC lost the share half-way.
 */
export function releaseDailyBackup(db: AppDatabase, day: string): void {
  run(db, db.kysely.deleteFrom('daily_backup_claims').where('day', '=', day).where('instance_id', '=', db.instanceId).where('file_name', 'is', null));
}
