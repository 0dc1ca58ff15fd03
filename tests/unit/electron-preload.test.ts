import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EttervernApi } from '@shared/api';
import { CHANNEL_NAMES } from '@shared/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

let api: EttervernApi;

beforeAll(async () => {
  await import('../../electron/preload/index');
  api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as EttervernApi;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly one key, api, holding only invoke', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('api');
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it.each(CHANNEL_NAMES)('forwards %s to ipcRenderer.invoke with the input', async (channel) => {
    const reply = { ok: true, value: { svar: channel } };
    electron.ipcRenderer.invoke.mockResolvedValue(reply);
    const input = { year: 2020 };
    await expect(api.invoke(channel, input as never)).resolves.toBe(reply);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, input);
  });

  it.each(['evil:channel', 'cases:drop-table', '__proto__', 'constructor', 'toString', '', 42, null, undefined])(
    'refuses %s without touching IPC',
    async (channel) => {
      const result = await api.invoke(channel as never, {} as never);
      expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Ukjent forespørsel', fieldErrors: {} } });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('turns a failure of IPC itself into a typed result without the error text', async () => {
    electron.ipcRenderer.invoke.mockRejectedValue(new Error("Error invoking remote method 'cases:get': 02/20-ST"));
    const result = await api.invoke('cases:list', {} as never);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('02/20-ST');
  });

  it('never sends or listens on its own', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
