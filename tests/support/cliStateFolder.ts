import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { STATE_DIR_ENV } from '../../electron/cli/stateFolder';

/**
 * The command line remembers its checks of each database file in a per-user folder (electron/cli/stateFolder.ts).
 * Tests run it in process and as child processes (which inherit this environment): they get a throwaway
 * folder per test file, never the home folder of whoever runs them.
 */
if (!process.env[STATE_DIR_ENV]) {
  const folder = mkdtempSync(join(tmpdir(), 'ettervern-kommandolinje-'));
  process.env[STATE_DIR_ENV] = folder;
  afterAll(() => {
    if (process.env[STATE_DIR_ENV] === folder) delete process.env[STATE_DIR_ENV];
    rmSync(folder, { recursive: true, force: true });
  });
}
