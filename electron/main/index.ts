import { existsSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { CHANNEL_NAMES } from '@shared/contract';
import { DatabaseOpenError } from '../db/errors';
import type { AppDatabase } from '../db/open';
import { startBackupSchedule, type BackupSchedule } from '../services/backups/schedule';
import { systemClock, type ReadOnlyState } from '../services/context';
import { createDispatcher } from '../services/dispatcher';
import { mergePendingAuditInto } from '../services/audit/mergePending';
import type { WitnessKey } from '../services/audit/witness';
import { keyFromProtectedFile } from '../services/audit/witnessKeyFile';
import { removeTemplateCopies } from '../services/documents/templateCopies';
import { readRememberedDatabasePath, resolveDatabasePath } from './databasePath';
import { createSenderCheck, registerIpc } from './ipc';
import { applicationMenuTemplate } from './menu';
import { withRestartAfterRecovery } from './restart';
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
import { startPresenceHeartbeat } from './presenceHeartbeat';
import { openForStartup } from './startup';
import { createCheckHistory, planForFile, type CheckHistoryStore, type CheckPlan } from '../db/checkPlan';
import { runDeferredCheck } from './backgroundCheck';
import { UPGRADE_ANYWAY, upgradeWithOthersDialog } from './upgradeDialog';
import { describeDatabaseOpenFailure, STARTUP_FAILURE_TITLE } from './startupErrors';
import { createDatabaseSwitch, createPathChooser } from './sharedDatabase';
import { createMainWindow, focusExistingWindow } from './window';

// Bootstrap only: every decision lives in a small module beside this one, where it is unit-tested.

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

const rendererSource = resolveRendererSource({ isPackaged: app.isPackaged, env: process.env });
const isTrustedUrl = createUrlTrust(rendererSource);
const log = createFileLog(logFilePath(app.getPath('userData')));

let mainWindow: BrowserWindow | null = null;
let database: AppDatabase | null = null;
let backups: BackupSchedule | null = null;
let stopHeartbeat: (() => void) | null = null;
let checkHistory: CheckHistoryStore | null = null;

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
    backups?.stop();
    stopHeartbeat?.();
    database?.close();
    database = null;
    // A clean end: the next start need not check the file before opening it (see db/checkPlan.ts).
    checkHistory?.closed();
    log.write({ event: 'shutdown' });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.write({ event: 'startup-failed', errorName: error instanceof Error ? error.name : typeof error });
      dialog.showErrorBox(STARTUP_FAILURE_TITLE, 'Programmet kunne ikke starte. Start Ettervern på nytt.');
      app.quit();
    });
}

/**
 * The key that signs this PC's witness of the audit log, encrypted by the operating system (DPAPI on
 * Windows) through safeStorage. Without an OS key store there is no witness rather than a weaker one:
 * `audit verify` then relies on the backups' heads alone.
 */
function witnessKeyOption(userDataDir: string): { witnessKey?: WitnessKey } {
  try {
    if (!safeStorage.isEncryptionAvailable()) return {};
    return {
      witnessKey: keyFromProtectedFile(userDataDir, {
        encrypt: (plain) => safeStorage.encryptString(plain),
        decrypt: (sealed) => safeStorage.decryptString(sealed),
      }),
    };
  } catch (error) {
    log.write({ event: 'audit-witness-unavailable', errorName: error instanceof Error ? error.name : typeof error });
    return {};
  }
}

async function start(): Promise<void> {
  let readOnly: ReadOnlyState | null = null;
  let checkPlan: CheckPlan = 'before-open';
  let nativeBinding: string | undefined;
  const userDataDir = app.getPath('userData');
  const location = resolveDatabasePath({
    argv: process.argv,
    env: process.env,
    userDataDir,
    cwd: process.cwd(),
    remembered: readRememberedDatabasePath(userDataDir),
  });
  log.write({
    event: 'startup',
    version: app.getVersion(),
    electron: process.versions.electron ?? 'ukjent',
    platform: process.platform,
    arch: process.arch,
    packaged: app.isPackaged,
    databaseSource: location.source,
  });
  // Copies «Åpne i Word» left when Word was still open at quit (Windows refused the delete then) or after a crash.
  removeTemplateCopies();

  try {
    mkdirSync(dirname(location.path), { recursive: true });
    nativeBinding = chooseNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), exists: existsSync });
    checkHistory = createCheckHistory(userDataDir, location.path);
    checkPlan = planForFile(location.path, checkHistory.read(), new Date());
    const check = checkPlan === 'before-open' ? 'before-open' : 'by-caller';
    const open = (upgradeDespiteOthers: boolean) =>
      openForStartup({ path: location.path, ...(nativeBinding ? { nativeBinding } : {}), upgradeDespiteOthers, check });
    let started;
    try {
      started = await open(false);
    } catch (error) {
      // A newer Ettervern about to upgrade the shared file while colleagues have it open: they are named, the user decides.
      if (!(error instanceof DatabaseOpenError && error.kind === 'others-present')) throw error;
      const answer = await dialog.showMessageBox(upgradeWithOthersDialog(error.message));
      if (answer.response !== UPGRADE_ANYWAY) throw error;
      log.write({ event: 'upgrade-despite-others' });
      started = await open(true);
    }
    database = started.db;
    readOnly = started.readOnly;
    if (checkPlan === 'before-open' && !readOnly) checkHistory.checkedGood(new Date());
    checkHistory.opened();
  } catch (error) {
    const failure = describeDatabaseOpenFailure(error);
    log.write(failure.log);
    dialog.showErrorBox(failure.title, `${failure.message}\n\nDatabasefil: ${location.path}`);
    app.quit();
    return;
  }
  log.write({ event: 'database-opened', mode: readOnly?.mode ?? 'normal', check: checkPlan });

  const dispatcher = createDispatcher({
    db: database,
    readOnly,
    // Packaged, extraResources puts resources/templates beside the asar; in development it is the repository's.
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    userDataDir,
    ...witnessKeyOption(userDataDir),
    desktop: { openPath: (path) => shell.openPath(path), ...createPathChooser(dialog, () => mainWindow) },
    // «Del databasen» / «Åpne delt database»: remember the file, then start again on it (will-quit closes this one).
    switchDatabase: createDatabaseSwitch({
      userDataDir,
      args: process.argv.slice(1),
      relaunch: (args) => {
        log.write({ event: 'database-switch' });
        app.relaunch({ args });
        app.quit();
      },
    }),
    reportError: ({ channel, errorName, sqliteCode }) => log.write({ event: 'channel-error', channel, errorName, sqliteCode }),
  });
  if (!readOnly) {
    const db = database;
    try {
      // Sign-ins and case views recorded while this file was read-only join the audit log now.
      mergePendingAuditInto({ db, readOnly: null, userDataDir: app.getPath('userData') });
    } catch (error) {
      log.write({ event: 'audit-merge-failed', errorName: error instanceof Error ? error.name : typeof error });
    }
    backups = startBackupSchedule({
      ctx: { db, actor: null, session: { actor: null }, clock: systemClock },
      onError: (error) => log.write({ event: 'backup-failed', errorName: error instanceof Error ? error.name : typeof error }),
    });
  }
  if (!readOnly) {
    // Who else has the file open, for colleagues' headers; a local database has no colleagues but costs nothing.
    stopHeartbeat = startPresenceHeartbeat({
      db: database,
      machine: hostname(),
      memberId: () => dispatcher.session.actor?.id ?? null,
      now: () => new Date(),
      onError: (error) => log.write({ event: 'presence-failed', errorName: error instanceof Error ? error.name : typeof error }),
    });
  }
  if (checkPlan === 'in-background' && !readOnly && checkHistory) {
    void runDeferredCheck({
      path: location.path,
      ...(nativeBinding ? { nativeBinding } : {}),
      history: checkHistory,
      now: () => new Date(),
      onDamaged: (state) => {
        log.write({ event: 'integrity-check-failed' });
        // Nothing more is written to the file, and no backup of a damaged file replaces a good one.
        dispatcher.setReadOnly(state);
        backups?.stop();
        stopHeartbeat?.();
      },
      onFailed: (error) => log.write({ event: 'integrity-check-unfinished', errorName: error instanceof Error ? error.name : typeof error }),
    });
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));
  registerIpc({
    ipcMain,
    channels: CHANNEL_NAMES,
    dispatcher: withRestartAfterRecovery(dispatcher, () => {
      log.write({ event: 'restart-after-restore' });
      app.relaunch();
      app.exit(0);
    }),
    isTrustedSender: createSenderCheck(() => mainWindow, isTrustedUrl),
    onForbidden: (channel) => log.write({ event: 'ipc-forbidden', channel }),
    onUnexpectedError: (channel, error) => log.write({ event: 'channel-error', channel, errorName: error instanceof Error ? error.name : typeof error }),
  });

  const csp = contentSecurityPolicyFor(rendererSource);
  serveRenderer(protocol, { rootDir: rendererDir, csp });
  hardenSession(session.defaultSession, csp);

  const window = createMainWindow(BrowserWindow, preloadPath);
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => log.write({ event: 'renderer-gone', reason: details.reason }));
  await window.loadURL(rendererSource.url);
}
