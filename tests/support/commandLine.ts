import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../electron/cli/main';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The command line as a user runs it: a process of its own, so exit codes and streams are real. A start
 * costs over a second under tsx; use it only where the process itself is what is tested.
 */
export function cliProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args],
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
