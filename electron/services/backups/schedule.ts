import type { BackupDto } from '@shared/contract';
import type { ServiceContext } from '../context';
import { listBackupFiles } from './files';
import { backupFolder, takeBackup } from './service';

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
 * A backup at start-up, then one a day: the app on the office PC may run for weeks, so an hourly look
 * at whether today's backup exists is what makes «daily» true. One backup runs at a time.
 */
export function startBackupSchedule(options: ScheduleOptions): BackupSchedule {
  let running: Promise<BackupDto | null> | null = null;
  const take = (force: boolean): Promise<BackupDto | null> => {
    if (running) return running;
    const attempt = (async () => {
      try {
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
