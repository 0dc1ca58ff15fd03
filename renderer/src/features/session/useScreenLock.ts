import { useEffect, useRef } from 'react';
import { defaultSettings } from '@shared/domain/settings';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the team's idle time (Innstillinger → «Skjermlås etter») and on Ctrl+L.
 * The server refuses everything but unlocking while locked, so the lock holds even if this page did not.
 */
export function useScreenLock(active: boolean) {
  const settings = useApiQuery('settings:get', {}, { enabled: active });
  const lock = useApiMutation('session:lock');
  const lockRef = useRef(lock.mutate);
  lockRef.current = lock.mutate;
  const minutes = settings.data?.idleLockMinutes ?? defaultSettings().idleLockMinutes;

  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => lockRef.current({}), minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => lockRef.current({}), minutes * 60_000);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lockRef.current({});
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart);
      window.removeEventListener('keydown', onKey);
    };
  }, [active, minutes]);
}
