import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The command line must start fast: reading the arguments and printing the help may load only the
 * declarations, never a command's implementation with the services, SQLite, exceljs, docx or echarts.
 * Checked on the source: everything `electron/cli/index.ts` imports statically, followed file by file.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Value imports and re-exports, not `import type` (erased) and not `import()` (loaded when called). */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveSource(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@shared/')
    ? join(ROOT, 'shared', specifier.slice('@shared/'.length))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (base === null) return null;
  return [`${base}.ts`, join(base, 'index.ts')].find(existsSync) ?? base;
}

function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = resolveSource(file, specifier!);
      if (target) visit(target);
      else if (!specifier!.startsWith('node:')) packages.add(specifier!);
    }
  };
  visit(join(ROOT, entry));
  return { files: [...files].map((file) => relative(ROOT, file)).sort(), packages: [...packages].sort() };
}

describe('command-line start-up', () => {
  const graph = staticGraph('electron/cli/index.ts');

  it('follows the imports it should (the scanner sees the registry and the declarations)', () => {
    expect(graph.files).toEqual(expect.arrayContaining(['electron/cli/registry.ts', 'electron/cli/commandSpecs.ts', 'electron/cli/parseArguments.ts']));
  });

  it('loads no command implementation, service or database code before a command runs', () => {
    expect(graph.files.filter((file) => /^electron\/(services|db)\/|^electron\/cli\/commands\//.test(file))).toEqual([]);
  });

  it('loads no package at all (exceljs, docx, echarts, zod, SQLite…) for parsing and help', () => {
    expect(graph.packages).toEqual([]);
  });
});

/** The large libraries that only exports, documents, reports and charts need (see electron/services/lazy/heavyModules.ts). */
const HEAVY = ['exceljs', 'docx', 'echarts', '@resvg/resvg-js', 'easy-template-x', 'jszip'];

describe('a command that reads or writes data (call, stats)', () => {
  it.each(['electron/cli/commands/call.ts', 'electron/cli/commands/stats.ts'])('%s loads the services and SQLite but none of the heavy libraries', (entry) => {
    const graph = staticGraph(entry);
    // Proves the scanner reaches the whole service layer through the dispatcher, so the next check means something.
    expect(graph.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely']));
    expect(graph.packages.filter((name) => HEAVY.some((heavy) => name === heavy || name.startsWith(`${heavy}/`)))).toEqual([]);
  });
});
