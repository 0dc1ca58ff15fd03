import { join } from 'node:path';

/**
 * Where `npm start` puts better-sqlite3 built for Electron's ABI (see electron/tools/), beside the
 * project's own copy that stays built for Node so the tests keep running on plain Node.
 */
export const ELECTRON_ABI_PACKAGE_DIR = ['.electron-abi', 'better-sqlite3'] as const;
export const BINDING_FILE = ['build', 'Release', 'better_sqlite3.node'] as const;

export function electronSqliteBindingPath(projectDir: string): string {
  return join(projectDir, ...ELECTRON_ABI_PACKAGE_DIR, ...BINDING_FILE);
}

/**
 * Unpackaged runs use the separately built binding when it is there. A packaged app has better-sqlite3
 * rebuilt for Electron by electron-builder, so the default lookup is right and a stray file is ignored.
 */
export function chooseNativeBinding(input: { isPackaged: boolean; appPath: string; exists: (path: string) => boolean }): string | undefined {
  if (input.isPackaged) return undefined;
  const candidate = electronSqliteBindingPath(input.appPath);
  return input.exists(candidate) ? candidate : undefined;
}
