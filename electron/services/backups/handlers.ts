import type { HandlersFor } from '../context';
import { createBackup, listBackups, restoreBackup } from './service';

/** Backups: listed, taken and restored. */
export const backupsHandlers: HandlersFor<'backups'> = {
  'backups:list': (ctx) => listBackups(ctx),
  'backups:create': (ctx) => createBackup(ctx),
  'backups:restore': restoreBackup,
};
