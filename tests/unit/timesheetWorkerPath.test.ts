import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_WORKER_FILE, resolveWorkerScript, WORKER_ENTRY_NAME, WRITE_WORKER_ENTRY_NAME } from '../../electron/services/timesheet/workerPath';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('the timesheet worker in the build', () => {
  it('is its own entry of the main build, named as the resolver expects', () => {
    const config = readFileSync(join(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(config).toContain(`${WORKER_ENTRY_NAME}: resolve('electron/services/timesheet/worker.ts')`);
    expect(BUILT_WORKER_FILE).toBe(`${WORKER_ENTRY_NAME}.js`);
    expect(config).toContain(`${WRITE_WORKER_ENTRY_NAME}: resolve('electron/services/timesheet/writeWorker.ts')`);
  });

  it('finds the writing worker beside the reading one, built or from source', () => {
    const main = join(ROOT, 'out', 'main');
    expect(resolveWorkerScript(pathToFileURL(join(main, 'index.js')).href, WRITE_WORKER_ENTRY_NAME).path).toBe(join(main, `${WRITE_WORKER_ENTRY_NAME}.js`));
    const source = resolveWorkerScript(pathToFileURL(join(ROOT, 'electron/services/timesheet/commitInWorker.ts')).href, WRITE_WORKER_ENTRY_NAME);
    expect(source.path).toBe(join(ROOT, 'electron/services/timesheet/writeWorker.ts'));
  });

  it('resolves beside the built main module, also when rollup put the code in a chunk', () => {
    const main = join(ROOT, 'out', 'main');
    expect(resolveWorkerScript(pathToFileURL(join(main, 'index.js')).href)).toMatchObject({ path: join(main, BUILT_WORKER_FILE), eval: false, execArgv: [] });
    expect(resolveWorkerScript(pathToFileURL(join(main, 'chunks', 'importService-abc.js')).href).path).toBe(join(main, BUILT_WORKER_FILE));
  });

  it('loads the TypeScript worker through tsx when running from source', () => {
    const script = resolveWorkerScript(pathToFileURL(join(ROOT, 'electron/services/timesheet/runWorker.ts')).href);
    expect(script.eval).toBe(true);
    expect(script.path).toBe(join(ROOT, 'electron/services/timesheet/worker.ts'));
    expect(script.code).toContain("import('tsx/esm/api')");
  });
});
