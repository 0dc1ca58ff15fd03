import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { QueryChannelName } from '@shared/contract';
import { ApiCallError, call } from '@renderer/lib/api';
import { startChangeWatcher, type DatabaseBanner, type DatabaseChangesAnswer } from './changeWatcher';

/** Within the 2–3 s: a colleague's save shows up in seconds, and one page read per poll is cheap. */
export const CHANGE_POLL_MS = 2_500;

/**
 * Watches the database for other PCs' commits while the window is visible and makes every cached
 * query stale when there are any, so Oversikt, Timer and Saker refresh without a reload. Returns the
 * banner to show (a newer version upgraded the file, or the shared folder is out of reach).
 */
export function useDatabaseWatch(intervalMs: number = CHANGE_POLL_MS): DatabaseBanner {
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<DatabaseBanner>('none');
  useEffect(() => {
    const watcher = startChangeWatcher({
      ask: askChanges,
      onChanged: () => void queryClient.invalidateQueries(),
      onPresence: () => void queryClient.invalidateQueries({ queryKey: ['database:presence' satisfies QueryChannelName] }),
      onBanner: setBanner,
      isVisible: () => document.visibilityState === 'visible',
      intervalMs,
      setInterval: (run, ms) => window.setInterval(run, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
    });
    const onVisibility = () => void watcher.poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      watcher.stop();
    };
  }, [queryClient, intervalMs]);
  return banner;
}

/** Refusals that mean the file is out of reach; any other (a locked screen, a busy lock) is no news. */
const OUT_OF_REACH: ReadonlySet<string> = new Set(['unavailable', 'storage', 'internal']);

async function askChanges(): Promise<DatabaseChangesAnswer | null> {
  try {
    return await call('database:changes', {});
  } catch (error) {
    if (error instanceof ApiCallError && !OUT_OF_REACH.has(error.code)) return null;
    throw error;
  }
}
