import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';

/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temp folder, started on a free loopback port with
 * its own socket folder, SCRAM for every connection, stopped and removed on `stop()` (or started on a data folder
 * kept between runs, see PostgresServerOptions). The distribution's
 * binaries are used as they are (no download). PostgreSQL refuses to run as root, and CI runs as root: then
 * the server runs as an unprivileged system user (`postgres`, which the Debian package creates).
 */
export interface PostgresServer {
  /** The superuser's URL, database `postgres`, on 127.0.0.1. */
  readonly url: string;
  readonly port: number;
  /** The same server's URL for another database on it. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'ettervern_test';

/** The folder with `initdb` and `postgres`: $ETTERVERN_PG_BIN, `pg_config --bindir`, or the newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env.ETTERVERN_PG_BIN) candidates.push(process.env.ETTERVERN_PG_BIN);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // No pg_config on PATH: look where Debian puts each major version.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debianRoot, version, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
  if (!found) throw new Error('PostgreSQL server binaries not found (install the postgresql package or set ETTERVERN_PG_BIN).');
  return found;
}

/** How to run a server binary: directly, or (as root) as the unprivileged user that will own the data folder. */
function runAs(): { uid: number; gid: number; wrap: (command: string, args: string[]) => [string, string[]] } {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { uid: me.uid, gid: me.gid, wrap: (command, args) => [command, args] };
  }
  const user = process.env.ETTERVERN_PG_USER ?? 'postgres';
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(`Running as root, but there is no user «${user}» to run PostgreSQL as (install the postgresql package or set ETTERVERN_PG_USER).`);
  }
  // setpriv execs the binary in place, so the child's pid is the server's own and a signal reaches it.
  return { uid, gid, wrap: (command, args) => ['setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--', command, ...args]] };
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PostgresServerOptions {
  /**
   * A data folder to keep after `stop()`: `initdb` runs into it when it is missing or empty, and a cluster
   * already in it is started as it is (a cached benchmark server). Default: a temp folder removed on stop.
   */
  dataDir?: string;
  /**
   * Commit as a production server does (fsync, synchronous commit and full-page writes on), for timings that
   * mean something. Default off: a test server's data is thrown away, and durability only slows the tests.
   */
  durable?: boolean;
}

/** The server's data folder is held by a running server (its postmaster.pid lock), so it cannot be started again. */
export class PostgresDataInUseError extends Error {
  constructor() {
    super('The PostgreSQL data folder is in use by another running server.');
    this.name = 'PostgresDataInUseError';
  }
}

const IN_USE = /lock file "postmaster\.pid" already exists/;

export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const user = runAs();
  const root = mkdtempSync(join(tmpdir(), 'ettervern-pg-'));
  const dataDir = options.dataDir ?? join(root, 'data');
  const socketDir = join(root, 'socket');
  mkdirSync(socketDir);
  const password = randomBytes(18).toString('base64url');
  for (const path of [root, socketDir]) chownSync(path, user.uid, user.gid);
  // The socket folder and, unless the data folder is kept elsewhere, the data.
  const removeAll = () => rmSync(root, { recursive: true, force: true });

  try {
    if (hasCluster(dataDir)) setSuperuserPassword(bin, user, dataDir, password);
    else initCluster(bin, user, root, dataDir, password);
  } catch (error) {
    removeAll();
    throw error;
  }

  const durability = options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  // A port can be taken between choosing and binding it (other test runs share the machine): try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const [command, args] = user.wrap(join(bin, 'postgres'), [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      socketDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'password_encryption=scram-sha-256',
      ...durability,
    ]);
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    const ready = await waitUntilReady(bin, port, socketDir, child);
    if (ready) {
      const urlFor = (database: string) => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`;
      return {
        url: urlFor('postgres'),
        port,
        urlFor,
        stop: async () => {
          await stopChild(child);
          removeAll();
        },
      };
    }
    await stopChild(child);
    if (IN_USE.test(log)) {
      removeAll();
      throw new PostgresDataInUseError();
    }
    if (attempt >= 3) {
      removeAll();
      throw new Error(`PostgreSQL did not start: ${log}`);
    }
  }
}

/** A data folder `initdb` has filled (PG_VERSION is written last but one; a half-made folder is not started). */
function hasCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION')) && existsSync(join(dataDir, 'global', 'pg_control'));
}

type RunAs = ReturnType<typeof runAs>;

function initCluster(bin: string, user: RunAs, root: string, dataDir: string, password: string): void {
  // An empty folder made for the server's user (initdb cannot create one where that user may not write).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownSync(dataDir, user.uid, user.gid);
  const passwordFile = join(root, 'password');
  writeFileSync(passwordFile, password, { mode: 0o600 });
  chownSync(passwordFile, user.uid, user.gid);
  try {
    const [initCommand, initArgs] = user.wrap(join(bin, 'initdb'), [
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--auth-local=scram-sha-256',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    execFileSync(initCommand, initArgs, { stdio: 'pipe', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed: ${stderr || String(error)}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * A kept cluster gets a new superuser password at every start, so no password is ever stored beside it: set
 * in single-user mode (before the server listens), and sent as a SCRAM verifier, never in clear.
 */
function setSuperuserPassword(bin: string, user: RunAs, dataDir: string, password: string): void {
  const [command, args] = user.wrap(join(bin, 'postgres'), ['--single', '-D', dataDir, '-c', 'password_encryption=scram-sha-256', 'postgres']);
  let stderr = '';
  try {
    execFileSync(command, args, {
      input: `alter role ${SUPERUSER} password '${scramVerifier(password)}';\n`,
      stdio: ['pipe', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
  } catch (error) {
    stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
  }
  if (IN_USE.test(stderr)) throw new PostgresDataInUseError();
  // Single-user mode reports a failed statement on stderr and still exits 0.
  if (/ERROR|FATAL|PANIC/.test(stderr)) throw new Error(`PostgreSQL could not start on the kept data folder: ${stderr.slice(-2000)}`);
}

async function waitUntilReady(bin: string, port: number, socketDir: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      // pg_isready only asks whether the server accepts connections; it needs no password.
      execFileSync(join(bin, 'pg_isready'), ['-q', '-h', socketDir, '-p', String(port)], { stdio: 'ignore' });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

/** Fast shutdown (SIGINT: roll back open transactions, close connections), then wait for the process to end. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
