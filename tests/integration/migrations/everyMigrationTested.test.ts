import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LATEST_MIGRATION, MIGRATIONS } from '../../../electron/db/migrations';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const names = Object.keys(MIGRATIONS);

describe('migrations', () => {
  it('are numbered NNNN-description and listed in order', () => {
    for (const name of names) expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/);
    expect(names).toEqual([...names].sort());
    expect(LATEST_MIGRATION).toBe(names.at(-1));
  });

  it('each file in the migrations folder is listed in the index', () => {
    const files = readdirSync(join(ROOT, 'electron/db/migrations'))
      .filter((f) => /^\d{4}-.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...names].sort());
  });

  it.each(names)('%s has its own test file', (name) => {
    expect(existsSync(join(ROOT, 'tests/integration/migrations', `${name}.test.ts`))).toBe(true);
  });
});
