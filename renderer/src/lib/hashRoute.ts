import { useCallback, useEffect, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/**
 * The current page lives in the URL hash (#/saker), so a reload keeps it and there is no router
 * library to configure for a file:// or custom-protocol origin.
 */
export function useHashRoute<R extends string>(routes: readonly R[], fallback: R): [R, (route: R) => void] {
  const hash = useSyncExternalStore(subscribe, readHash);
  const head = routeHead(hash);
  const route = (routes as readonly string[]).includes(head) ? (head as R) : fallback;
  useEffect(() => {
    // Write the page actually shown into the URL (also for «no hash yet»), without a history entry.
    if (routeHead(window.location.hash) !== route) window.history.replaceState(null, '', hrefFor(route));
  }, [route]);
  const navigate = useCallback((next: R) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}

/** `#/sak/12` → `sak`: the page; what follows is the page's own parameter. */
function routeHead(hash: string): string {
  return hash.replace(/^#\/?/, '').split('/')[0] ?? '';
}

/** The part of the hash after the page (`#/sak/12` → `12`), or null. */
export function useHashParam(): string | null {
  const hash = useSyncExternalStore(subscribe, readHash);
  const rest = hash.replace(/^#\/?/, '').split('/').slice(1).join('/');
  return rest === '' ? null : decodeURIComponent(rest);
}

export function hrefFor(route: string): string {
  return `#/${route}`;
}
