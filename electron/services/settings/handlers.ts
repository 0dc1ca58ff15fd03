import type { HandlersFor } from '../context';
import { getSettings, updateSettings } from './settings';

/** The team's settings. */
export const settingsHandlers: HandlersFor<'settings'> = {
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': updateSettings,
};
