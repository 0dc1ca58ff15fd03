import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command line runs from the repository, from source (electron/cli/) or built (out/main/, or
 * out/main/chunks/ where the bundler moves shared code): either way the shipped templates are in the
 * repository's resources/ folder, two levels above the module's folder once a chunks/ folder is left.
 */
function resourcesDir(moduleUrl: string): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  return join(/[\\/]chunks$/.test(dir) ? dirname(dir) : dir, '..', '..', 'resources');
}

export const CLI_RESOURCES_DIR = resourcesDir(import.meta.url);
