import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The layering in the architecture sketch, checked on the source text. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(folder: string): string[] {
  const dir = join(ROOT, folder);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return SOURCE.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports, requires or imports dynamically. */
function importedSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function importsOf(file: string): { specifier: string; target: string | null }[] {
  return importedSpecifiers(readFileSync(file, 'utf8')).map((specifier) => ({
    specifier,
    target: specifier.startsWith('.') ? relative(ROOT, resolve(dirname(file), specifier)) : null,
  }));
}

function isInside(target: string | null, folder: string): boolean {
  return target !== null && (target === folder || target.startsWith(folder + sep) || target.startsWith(folder + '/'));
}

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);

describe('the import scanner', () => {
  it('sees every kind of import', () => {
    const found = importedSpecifiers(
      [
        "import { app } from 'electron';",
        'import type { X } from "./x";',
        "import './side-effect';",
        "export * from '../y';",
        "const { a } = require('node:fs');",
        "const m = await import('electron');",
        "import {\n  a,\n  b,\n} from 'multi-line';",
      ].join('\n'),
    );
    expect(found).toEqual(['electron', './x', './side-effect', '../y', 'multi-line', 'node:fs', 'electron']);
  });
});

describe('layering', () => {
  const plainNode = ['electron/services', 'electron/db', 'shared'];
  it.each(plainNode)('%s has source files', (folder) => {
    expect(sourceFiles(folder).length).toBeGreaterThan(0);
  });

  it.each(plainNode)("nothing under %s imports 'electron'", (folder) => {
    const offenders = sourceFiles(folder).flatMap((file) =>
      importsOf(file)
        .filter(({ specifier }) => isElectron(specifier))
        .map(({ specifier }) => `${relative(ROOT, file)} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ uses no Node built-ins and nothing from electron/ or renderer/', () => {
    const offenders = sourceFiles('shared').flatMap((file) =>
      importsOf(file)
        .filter(({ specifier, target }) => isNodeBuiltin(specifier) || isInside(target, 'electron') || isInside(target, 'renderer'))
        .map(({ specifier }) => `${relative(ROOT, file)} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('renderer/ never imports from electron/ (nor Electron itself)', () => {
    const offenders = sourceFiles('renderer').flatMap((file) =>
      importsOf(file)
        .filter(({ specifier, target }) => isInside(target, 'electron') || isElectron(specifier))
        .map(({ specifier }) => `${relative(ROOT, file)} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
