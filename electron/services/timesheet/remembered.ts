/**
 * An old sheet repeats a handful of spellings thousands of times: match each spelling once. The memo holds
 * file content, so it stops growing at a size no real sheet reaches (a hostile one can hold a million
 * different texts); past it, values are matched each time.
 */
export const MAX_REMEMBERED = 10_000;

export function remembered<K, V>(match: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (seen.has(key)) return seen.get(key)!;
    const value = match(key);
    if (seen.size < MAX_REMEMBERED) seen.set(key, value);
    return value;
  };
}
