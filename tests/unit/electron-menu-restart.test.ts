import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from '../../electron/main/menu';
import { RESTART_DELAY_MS, withRestartAfterRecovery } from '../../electron/main/restart';
import { fail, ok } from '@shared/contract';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('application menu', () => {
  it('has no developer tools or reload in the installed app', () => {
    expect(roles(applicationMenuTemplate({ isPackaged: true, platform: 'win32' }))).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(applicationMenuTemplate({ isPackaged: true, platform: 'win32' }))).not.toContain('reload');
    expect(roles(applicationMenuTemplate({ isPackaged: false, platform: 'win32' }))).toContain('toggleDevTools');
  });

  it('is in Norwegian', () => {
    expect(applicationMenuTemplate({ isPackaged: true, platform: 'win32' }).map((item) => item.label)).toEqual(['Fil', 'Rediger', 'Vis']);
  });
});

describe('restart after a recovery restore', () => {
  it('restarts only after a restore that asks for it, once the answer has gone back', async () => {
    const restart = vi.fn();
    const scheduled: [() => void, number][] = [];
    const answers = new Map<string, unknown>([
      ['backups:restore', ok({ restartRequired: true })],
      ['cases:list', ok([])],
    ]);
    const wrapped = withRestartAfterRecovery({ dispatchAsync: async (channel) => answers.get(channel as string) as never }, restart, (run, ms) =>
      scheduled.push([run, ms]),
    );
    await wrapped.dispatchAsync('cases:list', {});
    expect(scheduled).toEqual([]);
    answers.set('backups:restore', ok({ restartRequired: false }));
    await wrapped.dispatchAsync('backups:restore', {});
    answers.set('backups:restore', fail('storage', 'x'));
    await wrapped.dispatchAsync('backups:restore', {});
    expect(scheduled).toEqual([]);
    answers.set('backups:restore', ok({ restartRequired: true }));
    await wrapped.dispatchAsync('backups:restore', {});
    expect(scheduled.map(([, ms]) => ms)).toEqual([RESTART_DELAY_MS]);
    expect(restart).not.toHaveBeenCalled();
    scheduled[0]![0]();
    expect(restart).toHaveBeenCalledOnce();
  });
});
