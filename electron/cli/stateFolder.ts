import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** Overrides the command line's own folder for what it remembers between commands (tests, a locked-down PC). */
export const STATE_DIR_ENV = 'ETTERVERN_TILSTANDSMAPPE';

/** The app's name on disk: Electron's user-data folder is `<appData>/Ettervern` (README, «Where the data lives»). */
const APP_FOLDER = 'Ettervern';
/**
 * A folder of its own inside the app's: the command line is one more instance, with its own memory of
 * unclean ends, so it never overwrites what the app remembers about the same file.
 */
const CLI_FOLDER = 'kommandolinje';

/**
 * Electron's `appData` per platform, worked out without Electron: %APPDATA% on Windows, Application Support
 * on macOS, $XDG_CONFIG_HOME (else ~/.config) elsewhere.
 */
function appDataFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  const xdg = env.XDG_CONFIG_HOME?.trim();
  // The XDG rules say a relative value is to be ignored.
  return xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
}

/**
 * Where the command line remembers this user's checks of each database file (db/checkPlan.ts) when no
 * --vitnemappe is given: ETTERVERN_TILSTANDSMAPPE, else `kommandolinje/` in the app's user-data folder.
 * Null when no home folder is known: then nothing is remembered and every open is checked.
 */
export function cliStateFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home?: string): string | null {
  const chosen = env[STATE_DIR_ENV]?.trim();
  if (chosen) return chosen;
  let homeFolder = home;
  try {
    homeFolder ??= homedir();
  } catch {
    return null;
  }
  if (!homeFolder) return null;
  return (platform === 'win32' ? win32 : posix).join(appDataFolder(platform, env, homeFolder), APP_FOLDER, CLI_FOLDER);
}
