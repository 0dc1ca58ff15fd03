import type { BaseWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { RESTART_DELAY_MS } from '../../electron/main/restart';
import { createDatabaseSwitch, createPathChooser, type OpenDialogLike } from '../../electron/main/sharedDatabase';

/** A stand-in for Electron's dialog: records what it was asked and answers as told. */
function fakeDialog(answer: OpenDialogReturnValue) {
  const calls: { modalTo: unknown; options: OpenDialogOptions }[] = [];
  const dialog = {
    showOpenDialog: async (first: BaseWindow | OpenDialogOptions, second?: OpenDialogOptions) => {
      calls.push(second ? { modalTo: first, options: second } : { modalTo: null, options: first as OpenDialogOptions });
      return answer;
    },
  } as OpenDialogLike;
  return { dialog, calls };
}

const liveWindow = { isDestroyed: () => false } as BaseWindow;

describe('the folder and file choosers', () => {
  it('ask for a folder (which may be created) and for a file, modal to the window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['S:\\Felles\\Ettervern'] });
    const chooser = createPathChooser(dialog, () => liveWindow);
    expect(await chooser.chooseFolder()).toBe('S:\\Felles\\Ettervern');
    expect(await chooser.chooseFile()).toBe('S:\\Felles\\Ettervern');
    expect(calls.map((call) => call.modalTo)).toEqual([liveWindow, liveWindow]);
    expect(calls[0]!.options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
    expect(calls[0]!.options.properties).not.toContain('openFile');
    expect(calls[1]!.options.properties).toContain('openFile');
    expect(calls[1]!.options.properties).not.toContain('openDirectory');
    expect(calls[1]!.options.filters?.[0]?.extensions).toEqual(['sqlite']);
    // Norwegian titles: these are the system's dialogs, but the words are ours.
    expect(calls.map((call) => call.options.title)).toEqual(['Velg mappen på fellesområdet', 'Velg den delte databasen']);
  });

  it('answer null when cancelled, and open without a parent when the window is gone', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await createPathChooser(dialog, () => null).chooseFile()).toBeNull();
    expect(await createPathChooser(dialog, () => ({ isDestroyed: () => true }) as BaseWindow).chooseFolder()).toBeNull();
    expect(calls.map((call) => call.modalTo)).toEqual([null, null]);
  });
});

describe('switching this PC to another database', () => {
  it('remembers the path at once and restarts on it after the answer has gone back', () => {
    const remembered: [string, string][] = [];
    const relaunched: string[][] = [];
    const scheduled: [() => void, number][] = [];
    const switchDatabase = createDatabaseSwitch({
      userDataDir: '/brukerdata',
      args: ['.', '--db=/gammel.sqlite'],
      relaunch: (args) => relaunched.push(args),
      remember: (dir, path) => remembered.push([dir, path]),
      schedule: (run, ms) => scheduled.push([run, ms]),
    });
    switchDatabase('/felles/ettervern.sqlite');
    expect(remembered).toEqual([['/brukerdata', '/felles/ettervern.sqlite']]);
    expect(relaunched).toEqual([]);
    expect(scheduled.map(([, ms]) => ms)).toEqual([RESTART_DELAY_MS]);
    // A second switch before the restart: one restart, on the latest choice.
    switchDatabase('/felles/annen.sqlite');
    expect(scheduled).toHaveLength(1);
    scheduled[0]![0]();
    expect(relaunched).toEqual([['.', '--db=/felles/annen.sqlite']]);
    expect(remembered.at(-1)).toEqual(['/brukerdata', '/felles/annen.sqlite']);
  });
});
