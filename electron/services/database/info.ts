import { basename, dirname } from 'node:path';
import type { DatabaseChangesDto, DatabaseInfoDto } from '@shared/contract';
import { pollChanges } from '../../db/changes';
import { isMarkedShared, schemaVersion } from '../../db/sharing';
import type { ServiceContext } from '../context';

export function databaseInfo(ctx: ServiceContext): DatabaseInfoDto {
  const { sqlite, path } = ctx.db;
  return {
    path,
    fileName: basename(path),
    folder: dirname(path),
    shared: isMarkedShared(sqlite),
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    schemaVersion: schemaVersion(sqlite),
  };
}

/** Polled by the window every few seconds: when `changeCount` grows, it fetches what it shows again. */
export function databaseChanges(ctx: ServiceContext): DatabaseChangesDto {
  return pollChanges(ctx.db.sqlite);
}
