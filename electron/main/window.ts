import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Ettervern';

/**
 * The renderer shows health data, so it gets no Node, no shared world with the preload, and a sandbox;
 * the preload is the only bridge. The window stays hidden until the first paint to avoid a white flash.
 * The options are written out inside the `new BrowserWindow(…)` call itself so that Electronegativity's
 * static scan (npm test) reads them; built elsewhere, it could not tell whether they are safe.
 */
export function createMainWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, preloadPath: string): W {
  return new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spell checker can send typed words to an online service; case notes must stay local.
      spellcheck: false,
      // A file dropped on the window must not replace the app with the file's contents.
      navigateOnDragDrop: false,
      // A page stuck in a loop of alert() boxes can be stopped by the user.
      safeDialogs: true,
      enableWebSQL: false,
      // A middle click on a link would open it outside the window-open handler's checks.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** What a second launch does: bring the running window forward instead of opening the database twice. */
export function focusExistingWindow(window: { isMinimized(): boolean; restore(): void; show(): void; focus(): void } | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
