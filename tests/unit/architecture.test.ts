import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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

/**
 * Each file's imports resolved as tsc resolves them (the `@shared`/`@renderer` aliases included), type-only
 * imports too: ESLint's import-x/no-cycle skips those, so this is the check that sees a loop made of types.
 */
function importGraph(files: string[]): Map<string, string[]> {
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles.flatMap(({ fileName }) => {
        const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
        return resolved && !resolved.isExternalLibraryImport ? [resolve(resolved.resolvedFileName)] : [];
      });
      return [resolve(file), targets];
    }),
  );
}

/** Every loop found by a depth-first walk, each as the files around it, relative to the repository. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      const start = path.indexOf(target);
      if (start >= 0) cycles.push(path.slice(start).map((member) => relative(ROOT, member)));
      else if (!done.has(target)) visit(target);
    }
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return cycles;
}

describe('import cycles, type imports included', () => {
  const isFixture = (file: string) => file.split(sep).includes('fixtures');

  it('the check finds a loop made only of type imports', () => {
    const fixtures = sourceFiles('tests/unit/fixtures/importCycle');
    const cycles = importCycles(importGraph(fixtures)).map((cycle) => cycle.map((file) => file.split(sep).pop()));
    expect(cycles).toContainEqual(['first.ts', 'third.ts']);
  });

  it('electron/, renderer/, shared/ and tests/ have none', () => {
    const files = ['electron', 'renderer/src', 'shared', 'tests'].flatMap(sourceFiles).filter((file) => !isFixture(file));
    expect(files.length).toBeGreaterThan(400);
    expect(importCycles(importGraph(files))).toEqual([]);
  });
});
