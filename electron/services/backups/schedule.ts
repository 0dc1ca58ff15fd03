import type { BackupDto } from '@shared/contract';
import type { ServiceContext } from '../context';
import { listBackupFiles } from './files';
import { claimDailyBackup, completeDailyBackup, releaseDailyBackup } from './dailyClaim';
import { backupFolder, copyBackupTo, isSharedDatabase, localBackupFolder, takeBackup } from './service';

export const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface BackupSchedule {
  /** Takes today's automatic backup unless one exists. Resolves to the new backup, or null. */
  runIfDue(): Promise<BackupDto | null>;
  stop(): void;
}

export interface ScheduleOptions {
  ctx: ServiceContext;
  /** Told only the error's class: a failed backup must be noticed without stopping the app. */
  onError: (error: unknown) => void;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * A shared database: every PC's schedule asks, the first claim of the day takes the backup, the others
 * skip it — including at start-up, so five PCs starting in the morning make one backup, not five.
 */
async function takeClaimedBackup(options: ScheduleOptions): Promise<BackupDto | null> {
  const { ctx } = options;
  const now = ctx.clock.now();
  const day = now.toISOString().slice(0, 10);
  if (!claimDailyBackup(ctx.db, day, now)) return null;
  let backup: BackupDto;
  try {
    backup = await takeBackup(ctx, 'auto');
  } catch (error) {
    try {
      releaseDailyBackup(ctx.db, day);
    } catch {
      // The share may be gone; the claim then stays and the next day starts afresh.
    }
    throw error;
  }
  completeDailyBackup(ctx.db, day, backup.fileName);
  const local = localBackupFolder(ctx);
  if (local) {
    try {
      await copyBackupTo(ctx, local, backup.fileName);
    } catch (error) {
      // The backup on the share is taken; a missing second copy is reported, not a reason to take it again.
      options.onError(error);
    }
  }
  return backup;
}

/**
 * A backup at start-up, then one a day: the app on the office PC may run for weeks, so an hourly look
 * at whether today's backup exists is what makes «daily» true. One backup runs at a time.
 */
export function startBackupSchedule(options: ScheduleOptions): BackupSchedule {
  let running: Promise<BackupDto | null> | null = null;
  const take = (force: boolean): Promise<BackupDto | null> => {
    if (running) return running;
    const attempt = (async () => {
      try {
        if (isSharedDatabase(options.ctx)) return await takeClaimedBackup(options);
        const today = options.ctx.clock.now().toISOString().slice(0, 10);
        const hasToday = listBackupFiles(backupFolder(options.ctx)).some((f) => f.kind === 'auto' && f.createdAt.toISOString().slice(0, 10) === today);
        if (hasToday && !force) return null;
        return await takeBackup(options.ctx, 'auto');
      } catch (error) {
        options.onError(error);
        return null;
      }
    })();
    running = attempt.finally(() => {
      running = null;
    });
    return running;
  };
  void take(true);
  const handle = (options.setInterval ?? setInterval)(() => void take(false), BACKUP_CHECK_INTERVAL_MS);
  return {
    runIfDue: () => take(false),
    stop: () => (options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout)))(handle),
  };
}
