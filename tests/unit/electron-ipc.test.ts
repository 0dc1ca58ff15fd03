import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSenderCheck,
  FORBIDDEN_MESSAGE,
  registerIpc,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
  type TrustedWindowLike,
} from '../../electron/main/ipc';
import { createUrlTrust } from '../../electron/main/security';
import { CHANNEL_NAMES, type ChannelName } from '@shared/contract';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/testDatabase';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const handle = vi.fn((channel: string, listener: Listener) => {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener);
  });
  const ipcMain: IpcMainLike = { handle };
  const invoke = (channel: ChannelName, event: InvokeEventLike, payload: unknown) => handlers.get(channel)!(event, payload);
  return { ipcMain, handle, handlers, invoke };
}

function fakeWindow(url = 'app://ettervern/index.html') {
  const mainFrame: FrameLike & { url: string } = { url, parent: null, processId: 4, routingId: 1 };
  let destroyed = false;
  const window: TrustedWindowLike = { isDestroyed: () => destroyed, webContents: { id: 7, mainFrame } };
  return { window, mainFrame, destroy: () => (destroyed = true) };
}

const eventFrom = (frame: FrameLike | null, senderId = 7): InvokeEventLike => ({ sender: { id: senderId }, senderFrame: frame });

describe('createSenderCheck', () => {
  const { window, mainFrame } = fakeWindow();
  const check = createSenderCheck(() => window, createUrlTrust({ kind: 'app', url: 'app://ettervern/index.html' }));

  it("trusts our window's main frame showing our page", () => {
    expect(check(eventFrom(mainFrame))).toBe(true);
    // Electron may hand out a fresh object for the same frame: identity is by process and routing id.
    expect(check(eventFrom({ ...mainFrame }))).toBe(true);
  });

  it('refuses an iframe, even one on our origin', () => {
    expect(check(eventFrom({ url: 'app://ettervern/index.html', parent: mainFrame, processId: 4, routingId: 2 }))).toBe(false);
  });

  it('refuses a main frame showing a foreign page', () => {
    expect(check(eventFrom({ ...mainFrame, url: 'https://example.com/' }))).toBe(false);
    expect(check(eventFrom({ ...mainFrame, url: 'file:///C:/Users/x/evil.html' }))).toBe(false);
  });

  it('refuses another web contents, a vanished frame, and a closed window', () => {
    expect(check(eventFrom(mainFrame, 8))).toBe(false);
    expect(check(eventFrom(null))).toBe(false);
    expect(check(eventFrom({ ...mainFrame, routingId: 9 }))).toBe(false);
    const closing = fakeWindow();
    closing.destroy();
    expect(
      createSenderCheck(
        () => closing.window,
        () => true,
      )(eventFrom(closing.mainFrame)),
    ).toBe(false);
    expect(
      createSenderCheck(
        () => null,
        () => true,
      )(eventFrom(mainFrame)),
    ).toBe(false);
  });
});

describe('registerIpc with fakes', () => {
  it('registers every contract channel exactly once', () => {
    const { ipcMain, handle } = fakeIpcMain();
    registerIpc({ ipcMain, channels: CHANNEL_NAMES, dispatcher: { dispatchAsync: vi.fn() }, isTrustedSender: () => true });
    const registered = handle.mock.calls.map(([channel]) => channel);
    expect([...registered].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered.length).toBeGreaterThan(5);
  });

  it('dispatches the payload from a trusted sender and returns the result', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 42 }));
    registerIpc({ ipcMain, channels: CHANNEL_NAMES, dispatcher: { dispatchAsync: dispatch }, isTrustedSender: () => true });
    expect(await invoke('statistics:annual', eventFrom(null), { year: 2020 })).toEqual({ ok: true, value: 42 });
    expect(dispatch).toHaveBeenCalledWith('statistics:annual', { year: 2020 });
  });

  it('answers forbidden to an untrusted sender without calling the dispatcher', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const dispatch = vi.fn();
    const onForbidden = vi.fn();
    registerIpc({ ipcMain, channels: CHANNEL_NAMES, dispatcher: { dispatchAsync: dispatch }, isTrustedSender: () => false, onForbidden });
    expect(await invoke('cases:create', eventFrom(null), { municipalityId: 1 })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: FORBIDDEN_MESSAGE, fieldErrors: {} },
    });
    expect(dispatch).not.toHaveBeenCalled();
    expect(onForbidden).toHaveBeenCalledWith('cases:create');
  });

  it('never lets an exception (and its message) cross to the renderer', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const onUnexpectedError = vi.fn();
    const dispatch = vi.fn(async () => {
      throw new TypeError('verdi «02/20-ST» lekket');
    });
    registerIpc({ ipcMain, channels: CHANNEL_NAMES, dispatcher: { dispatchAsync: dispatch }, isTrustedSender: () => true, onUnexpectedError });
    const result = (await invoke('cases:list', eventFrom(null), {})) as { ok: false; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('02/20-ST');
    expect(onUnexpectedError).toHaveBeenCalledWith('cases:list', expect.any(TypeError));
  });
});

describe('registerIpc with the real dispatcher and database', () => {
  let t: TestDatabase | undefined;
  afterEach(() => t?.close());

  it('a trusted frame writes to SQLite; an iframe writes nothing', async () => {
    t = await createTestDatabase({ member: false });
    const { ipcMain, invoke } = fakeIpcMain();
    const { window, mainFrame } = fakeWindow();
    registerIpc({
      ipcMain,
      channels: CHANNEL_NAMES,
      dispatcher: t.dispatcher,
      isTrustedSender: createSenderCheck(() => window, createUrlTrust({ kind: 'app', url: 'app://ettervern/index.html' })),
    });
    const iframe = { url: 'app://ettervern/index.html', parent: mainFrame, processId: 4, routingId: 3 };

    const refused = await invoke('team-members:create', eventFrom(iframe), {
      username: 'per',
      displayName: 'Per Hansen',
      initials: 'PH',
      password: TEST_PASSWORD,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.count('team_members')).toBe(0);

    const created = await invoke('team-members:create', eventFrom(mainFrame), {
      username: 'per',
      displayName: 'Per Hansen',
      initials: 'PH',
      password: TEST_PASSWORD,
    });
    expect(created).toMatchObject({ ok: true, value: { username: 'per' } });
    expect(t.count('team_members')).toBe(1);

    // Validation still happens in the dispatcher behind the sender check.
    const invalid = await invoke('team-members:create', eventFrom(mainFrame), { username: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(t.count('team_members')).toBe(1);
  });
});
