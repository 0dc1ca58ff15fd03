import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, info, type MeasureResult } from '../report';
import type { BenchMeasure } from './context';

const RENDERER_DIR = resolve('out', 'renderer');
/** Everything the window must fetch and parse before the sign-in form (issue 17). */
const INITIAL_GZIP_GOAL_BYTES = 250 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;

const staticImports = (code: string) => [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
const dynamicImports = (code: string) => [...code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);

/**
 * The entry, what it imports, and the app it imports dynamically once zod is set up (main.tsx), with
 * everything those import statically: the code that runs before the sign-in form. Pages and the
 * signed-in shell are dynamic imports further down and are not counted.
 */
function beforeFirstScreen(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string, followDynamic: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(RENDERER_DIR, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const dep of staticImports(code)) visit(dir + dep, false);
    if (followDynamic) for (const dep of dynamicImports(code)) visit(dir + dep, false);
  };
  for (const entry of entries) visit(entry, true);
  return [...seen];
}

/**
 * The built renderer's start-up weight: the entry script and the modules index.html preloads with it
 * (see beforeFirstScreen), gzip-compressed as a rough measure of parse work; pages loaded
 * later (React.lazy) are counted apart. Needs `npx electron-vite build` first.
 */
export const rendererStartupMeasure: BenchMeasure = {
  name: 'Oppstart av vinduet',
  ownData: true,
  async run(): Promise<MeasureResult[]> {
    const html = join(RENDERER_DIR, 'index.html');
    if (!existsSync(html)) return [info('Oppstart: første JS (gzip)', 'ikke målt – bygg først (npx electron-vite build)')];
    const entries = [...readFileSync(html, 'utf8').matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const initial = beforeFirstScreen(entries);
    const gzip = (file: string) => gzipSync(readFileSync(join(RENDERER_DIR, file)), { level: 9 }).length;
    const initialBytes = initial.reduce((sum, file) => sum + gzip(file), 0);
    return [
      atMost('Oppstart: JS før første skjerm (gzip)', initialBytes, INITIAL_GZIP_GOAL_BYTES, kb),
      info('Oppstart: filer før første skjerm', String(initial.length)),
    ];
  },
};
