import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import { schemaKey } from '../bench/cachedDatabase';

describe('bench cache key', () => {
  const names = Object.keys(MIGRATIONS);

  it('is the same for the same migrations in any order', () => {
    expect(schemaKey([...names].reverse())).toBe(schemaKey(names));
  });

  it('changes when a migration numbered below the latest lands later', () => {
    const withoutMiddle = names.filter((name) => name !== '0015-after-contact-not-possible');
    expect(withoutMiddle.length).toBe(names.length - 1);
    // The latest name is the same in both lists; only the key over all names tells them apart.
    expect([...withoutMiddle].sort().at(-1)).toBe([...names].sort().at(-1));
    expect(schemaKey(withoutMiddle)).not.toBe(schemaKey(names));
  });

  it('is the key of every migration the app has by default', () => {
    expect(schemaKey()).toBe(schemaKey(names));
  });
});
