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
  const current = hash.replace(/^#\/?/, '');
  const route = (routes as readonly string[]).includes(current) ? (current as R) : fallback;
  useEffect(() => {
    // Write the page actually shown into the URL (also for «no hash yet»), without a history entry.
    if (window.location.hash !== hrefFor(route)) window.history.replaceState(null, '', hrefFor(route));
  }, [route]);
  const navigate = useCallback((next: R) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}

export function hrefFor(route: string): string {
  return `#/${route}`;
}
