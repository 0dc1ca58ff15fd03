import { z } from '../validation/zodNorwegian';
import { emptyInput, versionField } from './common';
import { mutationChannel, queryChannel } from './channel';
import { SETTING_DEFINITIONS, type Settings } from '../domain/settings';

/**
 * `version` is the settings' revision: the sum of the stored rows' versions, raised by every change of any
 * setting (migration 0013). The form sends it back so an administrator's save cannot undo a colleague's.
 */
export type SettingsDto = Settings & { version: number };

const settingsShape = Object.fromEntries(Object.entries(SETTING_DEFINITIONS).map(([key, definition]) => [key, definition.schema.optional()])) as {
  [K in keyof typeof SETTING_DEFINITIONS]: z.ZodOptional<(typeof SETTING_DEFINITIONS)[K]['schema']>;
};

export const updateSettingsInput = z.strictObject({ ...versionField, ...settingsShape });

export const settingsChannels = {
  'settings:get': queryChannel<SettingsDto>()(emptyInput, 'Innstillingene, med standardverdier for det som ikke er satt', ['settings']),
  'settings:update': mutationChannel<SettingsDto>()(updateSettingsInput, 'Endre innstillinger (administrator)', ['settings', 'audit_log']),
} as const;
