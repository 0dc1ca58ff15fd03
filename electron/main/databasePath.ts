import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export const DEFAULT_DATABASE_FILE = 'ettervern.sqlite';
export const DATABASE_PATH_FLAG = '--db';
export const DATABASE_PATH_ENV = 'ETTERVERN_DB';
/** In the user-data folder: the database this PC was pointed at («Åpne delt database», «Del databasen»). */
export const REMEMBERED_PATH_FILE = 'database-location.json';

export interface DatabasePathInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
  /** Relative paths from the flag or the variable are taken relative to this folder. */
  cwd: string;
  /** The path this PC remembers (readRememberedDatabasePath), or null. */
  remembered?: string | null;
}

export interface ResolvedDatabasePath {
  path: string;
  /** Logged at startup instead of the path, which can contain the staff member's user name. */
  source: 'flag' | 'env' | 'remembered' | 'default';
}

/**
 * A `--db=PATH` or `--db PATH` flag wins over `ETTERVERN_DB`, which wins over the path this PC
 * remembers, which wins over the user-data folder.
 */
export function resolveDatabasePath(input: DatabasePathInput): ResolvedDatabasePath {
  const fromFlag = databaseFlagValue(input.argv);
  if (fromFlag) return { path: absolute(fromFlag, input.cwd), source: 'flag' };
  const fromEnv = input.env[DATABASE_PATH_ENV]?.trim();
  if (fromEnv) return { path: absolute(fromEnv, input.cwd), source: 'env' };
  const remembered = input.remembered?.trim();
  if (remembered && isAbsolute(remembered)) return { path: remembered, source: 'remembered' };
  return { path: join(input.userDataDir, DEFAULT_DATABASE_FILE), source: 'default' };
}

/** The last occurrence wins, as with most command lines; an empty value counts as not given. */
export function databaseFlagValue(argv: readonly string[]): string | null {
  let value: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') break;
    if (arg.startsWith(`${DATABASE_PATH_FLAG}=`)) {
      value = arg.slice(DATABASE_PATH_FLAG.length + 1).trim() || value;
    } else if (arg === DATABASE_PATH_FLAG) {
      const next = argv[index + 1];
      // `--db --other` is a flag without a value, not a database called «--other».
      if (next !== undefined && !next.startsWith('--')) {
        value = next.trim() || value;
        index++;
      }
    }
  }
  return value;
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * The remembered path, or null when there is none or the file cannot be read as one: a broken file must
 * not stop the app from starting on its own database.
 */
export function readRememberedDatabasePath(userDataDir: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(userDataDir, REMEMBERED_PATH_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const path = typeof parsed === 'object' && parsed !== null ? (parsed as { path?: unknown }).path : undefined;
    return typeof path === 'string' && isAbsolute(path) ? path : null;
  } catch {
    return null;
  }
}

/** Written beside and renamed into place, so a crash mid-write leaves the old choice, not half a file. */
export function rememberDatabasePath(userDataDir: string, path: string): void {
  const target = join(userDataDir, REMEMBERED_PATH_FILE);
  const temporary = `${target}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ path }, null, 2)}\n`, 'utf8');
  renameSync(temporary, target);
}

/**
 * The command line for the restarted app: the same as now, with every `--db` replaced by the new path,
 * so neither an old flag nor ETTERVERN_DB sends it back to the database it just left.
 */
export function argumentsWithDatabase(args: readonly string[], path: string): string[] {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      kept.push(...args.slice(index));
      break;
    }
    if (arg.startsWith(`${DATABASE_PATH_FLAG}=`)) continue;
    if (arg === DATABASE_PATH_FLAG) {
      const next = args[index + 1];
      if (next !== undefined && !next.startsWith('--')) index++;
      continue;
    }
    kept.push(arg);
  }
  const end = kept.indexOf('--');
  const flag = `${DATABASE_PATH_FLAG}=${path}`;
  return end === -1 ? [...kept, flag] : [...kept.slice(0, end), flag, ...kept.slice(end)];
}
