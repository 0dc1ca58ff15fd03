import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow, focusExistingWindow } from '../../electron/main/window';

describe('createMainWindow', () => {
  class CapturingWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  const { options } = createMainWindow(CapturingWindow, '/app/out/preload/index.cjs');

  it('locks the renderer down', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('has a Norwegian title, a sensible size, and waits for the first paint', () => {
    expect(options).toMatchObject({ title: 'Ettervern', width: 1280, height: 800, minWidth: 1024, minHeight: 640, show: false });
  });

  it('enables nothing that loosens the sandbox', () => {
    const prefs = options.webPreferences as Record<string, unknown>;
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments', 'plugins']) {
      expect(prefs[risky]).toBeUndefined();
    }
  });
});

describe('focusExistingWindow', () => {
  const fakeWindow = (minimized: boolean) => ({
    isMinimized: () => minimized,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('restores a minimised window and focuses it', () => {
    const window = fakeWindow(true);
    focusExistingWindow(window);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('does not restore a window that is already open, and tolerates no window', () => {
    const window = fakeWindow(false);
    focusExistingWindow(window);
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(() => focusExistingWindow(null)).not.toThrow();
  });
});
