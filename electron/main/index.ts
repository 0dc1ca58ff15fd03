import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract';
import { openDatabase, type AppDatabase } from '../db/open';
import { createDispatcher } from '../services/dispatcher';
import { resolveDatabasePath } from './databasePath';
import { createSenderCheck, registerIpc } from './ipc';
import { createFileLog, logFilePath } from './log';
import { chooseNativeBinding } from './nativeBinding';
import {
  contentSecurityPolicyFor,
  createUrlTrust,
  EXTERNAL_LINK_ALLOWLIST,
  hardenSession,
  hardenWebContents,
  registerAppScheme,
  resolveRendererSource,
  serveRenderer,
} from './security';
import { describeDatabaseOpenFailure, STARTUP_FAILURE_TITLE } from './startupErrors';
import { createWindowOptions, focusExistingWindow } from './window';

// Bootstrap only: every decision lives in a small module beside this one, where it is unit-tested.

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

const rendererSource = resolveRendererSource({ isPackaged: app.isPackaged, env: process.env });
const isTrustedUrl = createUrlTrust(rendererSource);
const log = createFileLog(logFilePath(app.getPath('userData')));

let mainWindow: BrowserWindow | null = null;
let database: AppDatabase | null = null;

// Scheme privileges are fixed once the app is ready, so this comes first.
registerAppScheme(protocol);
app.enableSandbox();
// Groups the taskbar entry with the installed shortcut; the method exists on Windows only.
if (process.platform === 'win32') app.setAppUserModelId('no.fauske.ettervern');

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one database file would be asking for trouble; the first one takes over.
  app.quit();
} else {
  app.on('second-instance', () => focusExistingWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isTrustedUrl, openExternal: (url) => shell.openExternal(url), externalAllowlist: EXTERNAL_LINK_ALLOWLIST });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    database?.close();
    database = null;
    log.write({ event: 'shutdown' });
  });
  app.whenReady().then(start).catch((error: unknown) => {
    log.write({ event: 'startup-failed', errorName: error instanceof Error ? error.name : typeof error });
    dialog.showErrorBox(STARTUP_FAILURE_TITLE, 'Programmet kunne ikke starte. Start Ettervern på nytt.');
    app.quit();
  });
}

async function start(): Promise<void> {
  const location = resolveDatabasePath({ argv: process.argv, env: process.env, userDataDir: app.getPath('userData'), cwd: process.cwd() });
  log.write({
    event: 'startup',
    version: app.getVersion(),
    electron: process.versions.electron ?? 'ukjent',
    platform: process.platform,
    arch: process.arch,
    packaged: app.isPackaged,
    databaseSource: location.source,
  });

  try {
    mkdirSync(dirname(location.path), { recursive: true });
    const nativeBinding = chooseNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), exists: existsSync });
    database = await openDatabase(location.path, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    const failure = describeDatabaseOpenFailure(error);
    log.write(failure.log);
    dialog.showErrorBox(failure.title, `${failure.message}\n\nDatabasefil: ${location.path}`);
    app.quit();
    return;
  }
  log.write({ event: 'database-opened' });

  const dispatcher = createDispatcher({
    db: database,
    reportError: ({ channel, errorName, sqliteCode }) => log.write({ event: 'channel-error', channel, errorName, sqliteCode }),
  });
  registerIpc({
    ipcMain,
    channels: CHANNEL_NAMES,
    dispatcher,
    isTrustedSender: createSenderCheck(() => mainWindow, isTrustedUrl),
    onForbidden: (channel) => log.write({ event: 'ipc-forbidden', channel }),
    onUnexpectedError: (channel, error) =>
      log.write({ event: 'channel-error', channel, errorName: error instanceof Error ? error.name : typeof error }),
  });

  const csp = contentSecurityPolicyFor(rendererSource);
  serveRenderer(protocol, { rootDir: rendererDir, csp });
  hardenSession(session.defaultSession, csp);

  const window = new BrowserWindow(createWindowOptions(preloadPath));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => log.write({ event: 'renderer-gone', reason: details.reason }));
  await window.loadURL(rendererSource.url);
}
