import { isAbsolute, join, resolve } from 'node:path';

export const DEFAULT_DATABASE_FILE = 'ettervern.sqlite';
export const DATABASE_PATH_FLAG = '--db';
export const DATABASE_PATH_ENV = 'ETTERVERN_DB';

export interface DatabasePathInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
  /** Relative paths from the flag or the variable are taken relative to this folder. */
  cwd: string;
}

export interface ResolvedDatabasePath {
  path: string;
  /** Logged at startup instead of the path, which can contain the staff member's user name. */
  source: 'flag' | 'env' | 'default';
}

/** A `--db=PATH` or `--db PATH` flag wins over `ETTERVERN_DB`, which wins over the user-data folder. */
export function resolveDatabasePath(input: DatabasePathInput): ResolvedDatabasePath {
  const fromFlag = databaseFlagValue(input.argv);
  if (fromFlag) return { path: absolute(fromFlag, input.cwd), source: 'flag' };
  const fromEnv = input.env[DATABASE_PATH_ENV]?.trim();
  if (fromEnv) return { path: absolute(fromEnv, input.cwd), source: 'env' };
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
