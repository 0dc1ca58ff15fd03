import { all, first, run, transaction } from '../../db/exec';
import * as query from '../../db/query';
import type { ChannelParsedInput, SettingsDto } from '@shared/contract';
import { SETTING_DEFINITIONS, SETTING_KEYS, defaultSettings, type SettingKey, type Settings } from '@shared/domain/settings';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { DbContext, ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { requireUsableBackupFolder } from '../backups/folderCheck';
import { latestChangeSync, versionConflict } from '../versions/versionedRecord';

function settingsFrom(rows: readonly { key: string; value: string }[]): Settings {
  const settings: Record<string, unknown> = defaultSettings();
  for (const row of rows) {
    if (!(SETTING_KEYS as string[]).includes(row.key)) continue;
    const parsed = SETTING_DEFINITIONS[row.key as SettingKey].schema.safeParse(JSON.parse(row.value));
    if (parsed.success) settings[row.key] = parsed.data;
  }
  return settings as Settings;
}

/**
 * Stored values over defaults. A stored value that no longer passes its schema (a setting narrowed in a
 * later version) falls back to the default rather than breaking every page that reads settings.
 */
export async function readSettings(ctx: DbContext): Promise<Settings> {
  return settingsFrom(await query.all(ctx.db, ctx.db.kysely.selectFrom('settings').select(['key', 'value'])));
}

/** readSettingsSync for the services still on exec.ts (SQLite only); goes with the last of them. */
export function readSettingsSync(ctx: Pick<ServiceContext, 'db'>): Settings {
  return settingsFrom(all(ctx.db, ctx.db.kysely.selectFrom('settings').select(['key', 'value'])));
}

export function getSettings(ctx: ServiceContext): SettingsDto {
  return { ...readSettingsSync(ctx), version: settingsRevision(ctx) };
}

/** Every change to any setting raises one row's version, so the sum moves whenever anything changed. */
function settingsRevision(ctx: Pick<ServiceContext, 'db'>): number {
  const { revision } = first(
    ctx.db,
    ctx.db.kysely.selectFrom('settings').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('version'), eb.lit(0)).as('revision')),
  )!;
  // Never 0: the contract's versions are positive, and an empty table is the first revision.
  return revision + 1;
}

/**
 * Settings are one form over several rows: refuse the save if any row changed since the form read the
 * revision, naming whoever saved last. Runs inside the write transaction, which holds the write lock.
 */
function requireSettingsRevision(ctx: SignedInContext, version: number): void {
  if (settingsRevision(ctx) === version) return;
  const rows = all(ctx.db, ctx.db.kysely.selectFrom('settings').select(['updated_at', 'updated_by']));
  throw versionConflict(ctx, 'Innstillingene', latestChangeSync(ctx, rows));
}

/** Only an administrator changes what the whole team works with. One audit row names the keys changed. */
export function updateSettings(ctx: SignedInContext, input: ChannelParsedInput<'settings:update'>): SettingsDto {
  const { actor } = ctx;
  if (actor.role !== 'administrator') throw new ServiceError('forbidden', 'Bare en administrator kan endre innstillingene');
  const changed = SETTING_KEYS.filter((key) => input[key] !== undefined);
  if (changed.length === 0) return getSettings(ctx);
  if (input.backupFolder) requireUsableBackupFolder(ctx, input.backupFolder);
  return transaction(ctx.db, () => {
    requireSettingsRevision(ctx, input.version);
    const now = ctx.clock.now().toISOString();
    for (const key of changed) {
      run(
        ctx.db,
        ctx.db.kysely
          .insertInto('settings')
          .values({ key, value: JSON.stringify(input[key]), updated_at: now, updated_by: actor.id })
          .onConflict((oc) =>
            oc
              .column('key')
              .doUpdateSet((eb) => ({ value: JSON.stringify(input[key]), updated_at: now, updated_by: actor.id, version: eb('settings.version', '+', 1) })),
          ),
      );
    }
    recordAuditSync(ctx, 'update', 'settings', null, auditedFields('settings:update', changed));
    return getSettings(ctx);
  });
}
