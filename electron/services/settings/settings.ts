import { all } from '../../db/exec';
import * as query from '../../db/query';
import type { ChannelParsedInput, SettingsDto } from '@shared/contract';
import { SETTING_DEFINITIONS, SETTING_KEYS, defaultSettings, type SettingKey, type Settings } from '@shared/domain/settings';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, ServiceContext, SignedInContext } from '../context';
import { ServiceError } from '../errors/serviceError';
import { requireUsableBackupFolder } from '../backups/folderCheck';
import { latestChange, versionConflict } from '../versions/versionedRecord';

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

export async function getSettings(ctx: DbContext): Promise<SettingsDto> {
  return { ...(await readSettings(ctx)), version: await settingsRevision(ctx) };
}

/** Every change to any setting raises one row's version, so the sum moves whenever anything changed. */
async function settingsRevision(ctx: DbContext): Promise<number> {
  const row = await query.first(
    ctx.db,
    ctx.db.kysely.selectFrom('settings').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('version'), eb.lit(0)).as('revision')),
  );
  // Never 0: the contract's versions are positive, and an empty table is the first revision. Number():
  // PostgreSQL's sum of integers is a bigint, which the pool reads as a number but the type does not promise.
  return Number(row!.revision) + 1;
}

/**
 * Settings are one form over several rows: refuse the save if any row changed since the form read the
 * revision, naming whoever saved last. Runs inside the write transaction, which holds the write lock
 * (SQLite) or is serializable (PostgreSQL), so no save can slip in between the check and the write.
 */
async function requireSettingsRevision(ctx: OnAnyEngine<SignedInContext>, version: number): Promise<void> {
  if ((await settingsRevision(ctx)) === version) return;
  const rows = await query.all(ctx.db, ctx.db.kysely.selectFrom('settings').select(['updated_at', 'updated_by']));
  throw versionConflict(ctx, 'Innstillingene', await latestChange(ctx, rows));
}

/** Only an administrator changes what the whole team works with. One audit row names the keys changed. */
export async function updateSettings(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'settings:update'>): Promise<SettingsDto> {
  const { actor } = ctx;
  if (actor.role !== 'administrator') throw new ServiceError('forbidden', 'Bare en administrator kan endre innstillingene');
  const changed = SETTING_KEYS.filter((key) => input[key] !== undefined);
  if (changed.length === 0) return getSettings(ctx);
  // A file check (the folder must exist and take a file): outside the transaction, which may run twice.
  if (input.backupFolder) requireUsableBackupFolder(ctx, input.backupFolder);
  return query.transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await requireSettingsRevision(txCtx, input.version);
    const now = ctx.clock.now().toISOString();
    for (const key of changed) {
      const value = JSON.stringify(input[key]);
      // Update, else insert, rather than an upsert: on a server the key is unique per team (team_id, key),
      // a conflict target this code would have to spell per engine. The revision check above has already
      // read every row in this transaction, so no other save can insert the same key in between.
      const updated = await query.run(
        tx,
        tx.kysely
          .updateTable('settings')
          .set((eb) => ({ value, updated_at: now, updated_by: actor.id, version: eb('version', '+', 1) }))
          .where('key', '=', key),
      );
      if (updated.changes === 0) {
        await query.run(tx, tx.kysely.insertInto('settings').values({ key, value, updated_at: now, updated_by: actor.id }));
      }
    }
    await recordAudit(txCtx, 'update', 'settings', null, auditedFields('settings:update', changed));
    return getSettings(txCtx);
  });
}
