import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** 0.8.15 fixes parse-time denial-of-service bugs that a crafted template could trigger. */
const MINIMUM = [0, 8, 15];

function atLeastMinimum(version: string): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < MINIMUM.length; i++) {
    if (parts[i] !== MINIMUM[i]) return (parts[i] ?? 0) > MINIMUM[i]!;
  }
  return true;
}

describe('@xmldom/xmldom', () => {
  it('is at least 0.8.15 everywhere in the lock file, including under easy-template-x', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const copies = Object.entries(lock.packages).filter(([path]) => path.endsWith('node_modules/@xmldom/xmldom'));
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.filter(([, entry]) => !atLeastMinimum(entry.version ?? '0'))).toEqual([]);
  });

  it('is the copy easy-template-x actually loads', () => {
    // Resolved from the template library's own folder, the way its code finds it at run time.
    const fromTemplates = createRequire(createRequire(join(ROOT, 'package.json')).resolve('easy-template-x'));
    const manifest = fromTemplates('@xmldom/xmldom/package.json') as { version: string };
    expect(atLeastMinimum(manifest.version)).toBe(true);
  });

  it('compares versions numerically', () => {
    expect(atLeastMinimum('0.8.13')).toBe(false);
    expect(atLeastMinimum('0.8.15')).toBe(true);
    expect(atLeastMinimum('0.8.100')).toBe(true);
    expect(atLeastMinimum('0.9.0')).toBe(true);
    expect(atLeastMinimum('0.7.99')).toBe(false);
  });
});
