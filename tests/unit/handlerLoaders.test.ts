import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '@shared/contract';
import type { AppDatabase } from '../../electron/db/open';
import { createDispatcherCore } from '../../electron/services/dispatcherCore';
import { loadHandlers } from '../../electron/services/handlerLoaders';
import { handlers } from '../../electron/services/handlers';

describe('handlers loaded per domain (the command line’s call)', () => {
  it('gives every channel the very handler the app uses', async () => {
    for (const channel of CHANNEL_NAMES) {
      expect((await loadHandlers([channel]))[channel], channel).toBe(handlers[channel]);
    }
  });

  it('loads only the domains of the channels asked for', async () => {
    const loaded = Object.keys(await loadHandlers(['system:status', 'session:sign-in']));
    expect(loaded).toContain('session:sign-out');
    expect(loaded.every((channel) => channel.startsWith('system:') || channel.startsWith('session:'))).toBe(true);
    expect(await loadHandlers([])).toEqual({});
  });

  it('makes a dispatcher refuse a channel whose domain was not loaded, as an unknown one', async () => {
    // Refused before anything touches the database.
    const dispatcher = createDispatcherCore({ db: undefined as unknown as AppDatabase, handlers: await loadHandlers(['system:status']) });
    expect(dispatcher.dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
