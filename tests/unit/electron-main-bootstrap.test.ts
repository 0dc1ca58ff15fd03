import { EventEmitter } from 'node:events';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { markShared } from '../../electron/db/sharing';
import { readRememberedDatabasePath } from '../../electron/main/databasePath';
import type { InvokeEventLike } from '../../electron/main/ipc';
import { CHANNEL_NAMES } from '@shared/contract';
import { makeTempDir } from '../support/testDatabase';

/**
 * Runs electron/main/index.ts against a fake 'electron' module and a real SQLite file: the wiring of
 * the bootstrap (order, database, IPC, protocol, window, shutdown) without the Electron binary.
 */

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function createFakeElectron(userData: string, options: { lock: boolean }) {
  const order: string[] = [];
  const ipcHandlers = new Map<string, Handler>();
  const windows: FakeWindow[] = [];
  let protocolHandler: ((request: { url: string; method: string }) => Promise<Response>) | undefined;

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: vi.fn(() => userData),
    getAppPath: () => userData,
    getVersion: () => '0.1.0',
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    setAppUserModelId: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock),
    quit: vi.fn(),
    relaunch: vi.fn(),
    whenReady: vi.fn(() => {
      order.push('whenReady');
      return Promise.resolve();
    }),
  });

  class FakeWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), { id: 11, mainFrame: { url: '', parent: null, processId: 3, routingId: 1 } });
    readonly loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame.url = url;
    });
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    isMinimized = () => true;
    isDestroyed = () => false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      order.push('BrowserWindow');
      windows.push(this);
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: [join(userData, 'felles')] })),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        order.push('ipc');
        ipcHandlers.set(channel, handler);
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemes')),
      handle: vi.fn((_scheme: string, handler: typeof protocolHandler) => {
        protocolHandler = handler;
      }),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
  };
  return { electron, order, ipcHandlers, windows, protocol: () => protocolHandler! };
}

const fake = vi.hoisted(() => ({ electron: null as unknown as Record<string, unknown> }));
vi.mock('electron', () => ({
  get app() {
    return fake.electron.app;
  },
  get BrowserWindow() {
    return fake.electron.BrowserWindow;
  },
  get dialog() {
    return fake.electron.dialog;
  },
  get ipcMain() {
    return fake.electron.ipcMain;
  },
  get protocol() {
    return fake.electron.protocol;
  },
  get session() {
    return fake.electron.session;
  },
  get shell() {
    return fake.electron.shell;
  },
  get Menu() {
    return fake.electron.Menu;
  },
}));

let temp: ReturnType<typeof makeTempDir>;
let current: ReturnType<typeof createFakeElectron> | undefined;

async function boot(options: { lock?: boolean; dbPath?: string } = {}) {
  current = createFakeElectron(temp.dir, { lock: options.lock ?? true });
  fake.electron = current.electron;
  vi.stubEnv('ETTERVERN_DB', options.dbPath ?? join(temp.dir, 'data', 'ettervern.sqlite'));
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.resetModules();
  await import('../../electron/main/index');
  return current;
}

const logText = () => readFileSync(join(temp.dir, 'logs', 'ettervern.log'), 'utf8');

beforeEach(() => {
  temp = makeTempDir('ettervern-main-');
});

afterEach(() => {
  current?.electron.app.emit('will-quit');
  current = undefined;
  vi.unstubAllEnvs();
  temp.cleanup();
});

describe('electron/main/index.ts', () => {
  it('registers the scheme before ready, opens the database, wires IPC before creating the window', async () => {
    const { electron, order, windows } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());

    expect(order[0]).toBe('registerSchemes');
    expect(order.indexOf('whenReady')).toBeGreaterThan(order.indexOf('registerSchemes'));
    expect(order.indexOf('ipc')).toBeLessThan(order.indexOf('BrowserWindow'));
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(windows[0]!.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://ettervern/index.html');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();

    windows[0]!.emit('ready-to-show');
    expect(windows[0]!.show).toHaveBeenCalled();
  });

  it('registers every contract channel once; the main frame writes to the real database, an iframe cannot', async () => {
    const dbPath = join(temp.dir, 'data', 'ettervern.sqlite');
    const { ipcHandlers, windows } = await boot({ dbPath });
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    expect([...ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());

    const mainFrame = windows[0]!.webContents.mainFrame;
    const create = ipcHandlers.get('team-members:create')!;
    const payload = { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', password: 'et-langt-passord' };
    expect(await create({ sender: { id: 11 }, senderFrame: { ...mainFrame, parent: mainFrame, routingId: 2 } }, payload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await create({ sender: { id: 11 }, senderFrame: mainFrame }, payload)).toMatchObject({ ok: true, value: { username: 'marit' } });

    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare('select username from team_members').all()).toEqual([{ username: 'marit' }]);
    check.close();

    const log = logText();
    expect(log).toMatch(/ startup .*databaseSource=env/);
    expect(log).toMatch(/ database-opened/);
    expect(log).toMatch(/ ipc-forbidden channel=team-members:create/);
    expect(log).not.toContain('Marit');
    expect(log).not.toContain('et-langt-passord');
    expect(log).not.toContain(temp.dir);
  });

  it('takes a verified backup at start-up and sets a Norwegian menu', async () => {
    const dbPath = join(temp.dir, 'data', 'ettervern.sqlite');
    const { electron, windows } = await boot({ dbPath });
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    await vi.waitFor(() => expect(readdirSync(join(temp.dir, 'data', 'sikkerhetskopier')).filter((n) => n.endsWith('-auto.sqlite'))).toHaveLength(1));
    expect(electron.Menu.setApplicationMenu as ReturnType<typeof vi.fn>).toHaveBeenCalled();
  });

  it('opens a damaged database in recovery mode: read-only, the reason on every refused write', async () => {
    const dbPath = join(temp.dir, 'data', 'ettervern.sqlite');
    mkdirSync(join(temp.dir, 'data'), { recursive: true });
    const db = await openDatabase(dbPath);
    db.sqlite.pragma('journal_mode = DELETE');
    db.close();
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0x66), 0, 4096 * 4, 4096 * 2);
    closeSync(fd);
    const { ipcHandlers, windows } = await boot({ dbPath });
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    const frame = { sender: { id: 11 }, senderFrame: windows[0]!.webContents.mainFrame };
    expect(await ipcHandlers.get('system:status')!(frame, {})).toMatchObject({ ok: true, value: { mode: 'recovery' } });
    expect(
      await ipcHandlers.get('team-members:create')!(frame, { username: 'marit', displayName: 'Marit', initials: 'MS', password: 'et-langt-passord' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('skrivebeskyttet') },
    });
    expect(logText()).toMatch(/ database-opened mode=recovery/);
  });

  it('serves the renderer through app:// and refuses traversal', async () => {
    const { windows, protocol } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    expect((await protocol()({ url: 'app://ettervern/../../etc/passwd', method: 'GET' })).status).toBe(403);
  });

  it('hardens every web contents that is created', async () => {
    const { electron, windows } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('a second launch focuses the first window', async () => {
    const { electron, windows } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    electron.app.emit('second-instance');
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const { electron, windows } = await boot({ lock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  it('shows the Norwegian message and quits when the database is from a newer version', async () => {
    const dbPath = join(temp.dir, 'ettervern.sqlite');
    (await openDatabase(dbPath)).close();
    const sqlite = new Database(dbPath);
    sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')").run();
    sqlite.close();

    const { electron, windows, ipcHandlers } = await boot({ dbPath });
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalled());
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('Ettervern kan ikke starte');
    expect(message).toMatch(/nyere versjon av Ettervern/);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(ipcHandlers.size).toBe(0);
    expect(logText()).toMatch(/database-open-failed errorName=DatabaseOpenError kind=newer-version/);
  });

  it('closes the database on quit', async () => {
    const { electron, ipcHandlers, windows } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    const mainFrame = windows[0]!.webContents.mainFrame;
    // The session status answers before anyone signs in, so it shows the database is open.
    const list = ipcHandlers.get('session:get-current')!;
    expect(await list({ sender: { id: 11 }, senderFrame: mainFrame }, {})).toMatchObject({ ok: true });
    electron.app.emit('will-quit');
    expect(await list({ sender: { id: 11 }, senderFrame: mainFrame }, {})).toMatchObject({ ok: false });
    expect(logText()).toMatch(/ shutdown\n/);
  });

  it('opens the system folder dialog for «Velg mappe…», modal to the window', async () => {
    const { electron, ipcHandlers, windows } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    const frame = { sender: { id: 11 }, senderFrame: windows[0]!.webContents.mainFrame };
    expect(await ipcHandlers.get('database:choose-folder')!(frame, {})).toEqual({ ok: true, value: { path: join(temp.dir, 'felles') } });
    const [modalTo, options] = electron.dialog.showOpenDialog.mock.calls[0]! as [unknown, { properties: string[] }];
    expect(modalTo).toBe(windows[0]);
    expect(options.properties).toContain('openDirectory');
  });

  it('«Åpne delt database» remembers the file on this PC and starts again on it once the answer is back', async () => {
    const shared = join(temp.dir, 'felles', 'ettervern.sqlite');
    mkdirSync(join(temp.dir, 'felles'));
    const db = await openDatabase(shared);
    markShared(db.sqlite, new Date(), null);
    db.close();
    const { electron, ipcHandlers, windows } = await boot();
    await vi.waitFor(() => expect(windows[0]?.loadURL).toHaveBeenCalled());
    const frame = { sender: { id: 11 }, senderFrame: windows[0]!.webContents.mainFrame };
    expect(await ipcHandlers.get('database:open-shared')!(frame, { file: shared })).toEqual({ ok: true, value: { path: shared } });
    expect(readRememberedDatabasePath(temp.dir)).toBe(shared);
    expect(electron.app.relaunch).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.relaunch).toHaveBeenCalled(), { timeout: 5_000 });
    const [{ args }] = electron.app.relaunch.mock.calls[0]! as unknown as [{ args: string[] }];
    expect(args.at(-1)).toBe(`--db=${shared}`);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(logText()).toMatch(/ database-switch\n/);
    expect(logText()).not.toContain(shared);
  });
});
