import type { BaseWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { argumentsWithDatabase, rememberDatabasePath } from './databasePath';
import { RESTART_DELAY_MS } from './restart';

/** The parts of Electron's `dialog` the path chooser uses. */
export interface OpenDialogLike {
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** What main gives the services for «Velg mappe…» and «Velg fil…» (DesktopPort's choosers). */
export interface PathChooser {
  chooseFolder(): Promise<string | null>;
  chooseFile(): Promise<string | null>;
}

const FOLDER_DIALOG: OpenDialogOptions = {
  title: 'Velg mappen på fellesområdet',
  buttonLabel: 'Velg mappe',
  // A new «Ettervern» folder on the share is the usual thing to want here.
  properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
};

const FILE_DIALOG: OpenDialogOptions = {
  title: 'Velg den delte databasen',
  buttonLabel: 'Åpne',
  properties: ['openFile', 'dontAddToRecent'],
  filters: [
    { name: 'Ettervern-database', extensions: ['sqlite'] },
    { name: 'Alle filer', extensions: ['*'] },
  ],
};

/**
 * The system's own folder and file dialogs, modal to the window when there is one. Cancelling answers
 * null; the renderer keeps what was in the field.
 */
export function createPathChooser(dialog: OpenDialogLike, getWindow: () => BaseWindow | null): PathChooser {
  const pick = async (options: OpenDialogOptions) => {
    const window = getWindow();
    const answer = window && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  };
  return { chooseFolder: () => pick(FOLDER_DIALOG), chooseFile: () => pick(FILE_DIALOG) };
}

export interface DatabaseSwitchOptions {
  userDataDir: string;
  /** The app's arguments now (process.argv without the executable). */
  args: readonly string[];
  /** Starts the app again with these arguments and ends this run (app.relaunch + app.exit). */
  relaunch: (args: string[]) => void;
  remember?: (userDataDir: string, path: string) => void;
  schedule?: (run: () => void, ms: number) => unknown;
}

/**
 * The `switchDatabase` hook: this PC now uses the database at `path` (just shared, or opened from the
 * share). The choice is remembered in the user-data folder, and the app starts again on it once the
 * answer has gone back to the window. A fresh start — rather than swapping the connection under a
 * running dispatcher — runs the same checks on the new file as any start: quick check, recovery mode,
 * refusal of a newer schema, the daily backup.
 */
export function createDatabaseSwitch(options: DatabaseSwitchOptions): (path: string) => void {
  const remember = options.remember ?? rememberDatabasePath;
  const schedule = options.schedule ?? setTimeout;
  let pending: string | null = null;
  return (path) => {
    // Remembered at once: if the restart fails, the next start by hand still opens the new file.
    remember(options.userDataDir, path);
    const alreadyScheduled = pending !== null;
    pending = path;
    if (alreadyScheduled) return;
    schedule(() => options.relaunch(argumentsWithDatabase(options.args, pending!)), RESTART_DELAY_MS);
  };
}
