import { all, run, transaction } from '../../db/exec';
import type { ChannelParsedInput, SettingsDto } from '@shared/contract';
import { SETTING_DEFINITIONS, SETTING_KEYS, defaultSettings, type SettingKey, type Settings } from '@shared/domain/settings';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { requireUsableBackupFolder } from '../backups/folderCheck';

/**
 * Stored values over defaults. A stored value that no longer passes its schema (a setting narrowed in a
 * later version) falls back to the default rather than breaking every page that reads settings.
 */
export function readSettings(ctx: Pick<ServiceContext, 'db'>): Settings {
  const settings: Record<string, unknown> = defaultSettings();
  const rows = all(ctx.db, ctx.db.kysely.selectFrom('settings').select(['key', 'value']));
  for (const row of rows) {
    if (!(SETTING_KEYS as string[]).includes(row.key)) continue;
    const parsed = SETTING_DEFINITIONS[row.key as SettingKey].schema.safeParse(JSON.parse(row.value));
    if (parsed.success) settings[row.key] = parsed.data;
  }
  return settings as Settings;
}

export function getSettings(ctx: ServiceContext): SettingsDto {
  return readSettings(ctx);
}

/** Only an administrator changes what the whole team works with. One audit row names the keys changed. */
export function updateSettings(ctx: SignedInContext, input: ChannelParsedInput<'settings:update'>): SettingsDto {
  const { actor } = ctx;
  if (actor.role !== 'administrator') throw new ServiceError('forbidden', 'Bare en administrator kan endre innstillingene');
  const changed = SETTING_KEYS.filter((key) => input[key] !== undefined);
  if (changed.length === 0) return readSettings(ctx);
  if (input.backupFolder) requireUsableBackupFolder(ctx, input.backupFolder);
  return transaction(ctx.db, () => {
    const now = ctx.clock.now().toISOString();
    for (const key of changed) {
      run(
        ctx.db,
        ctx.db.kysely
          .insertInto('settings')
          .values({ key, value: JSON.stringify(input[key]), updated_at: now, updated_by: actor.id })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(input[key]), updated_at: now, updated_by: actor.id })),
      );
    }
    recordAudit(ctx, 'update', 'settings', null, auditedFields('settings:update', changed));
    return readSettings(ctx);
  });
}
