import type { Dispatcher } from '../services/dispatcher';

export const RESTART_DELAY_MS = 1500;

/**
 * After a restore in recovery mode the connection in use is read-only (or a stand-in) and the file on
 * disk is the restored one: the app starts again to open it normally. The answer goes back to the
 * window first, so it can say what is happening.
 */
export function withRestartAfterRecovery(
  dispatcher: Pick<Dispatcher, 'dispatchAsync'>,
  restart: () => void,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
): Pick<Dispatcher, 'dispatchAsync'> {
  return {
    dispatchAsync: async (channel, payload) => {
      const result = await dispatcher.dispatchAsync(channel, payload);
      if (channel === 'backups:restore' && result.ok && (result.value as { restartRequired?: boolean }).restartRequired) {
        schedule(restart, RESTART_DELAY_MS);
      }
      return result;
    },
  };
}
