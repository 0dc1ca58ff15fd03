import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../electron/cli/main';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const BUILT_CLI = join(ROOT, 'out', 'main', 'cli.js');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The built command line (`electron-vite build` emits out/main/cli.js) when it is newer than every source
 * file it is built from, else the source through tsx: a stale build would test old code. `npm test` builds
 * before the unit tests, so there each process start is plain Node (a fraction of tsx's compile-per-call).
 */
function cliEntry(): string[] {
  if (!existsSync(BUILT_CLI)) return ['--import', 'tsx', 'electron/cli/index.ts'];
  const built = statSync(BUILT_CLI).mtimeMs;
  const sources = Math.max(newestSource(join(ROOT, 'electron')), newestSource(join(ROOT, 'shared')), statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs);
  return built > sources ? [BUILT_CLI] : ['--import', 'tsx', 'electron/cli/index.ts'];
}

let entry: string[] | null = null;

/**
 * The command line as a user runs it: a process of its own, so exit codes and streams are real. Built,
 * a start costs a few hundred milliseconds; from source under tsx over a second: use it only where the
 * process itself is what is tested.
 */
export function cliProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...(entry ??= cliEntry()), ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The same command line in the test's own process; it reads the password from this process's environment. */
export async function cliInProcess(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
    now: () => new Date(),
  });
  return { status, stdout, stderr };
}
