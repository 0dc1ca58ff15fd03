import type { CommandSpec } from './command';
import { CliFailure } from './io';

/** A `postgres://` (or `postgresql://`) address: a database on a PostgreSQL server rather than a file. */
export function isServerAddress(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/**
 * Refuses a server address given to an option that takes a file only (every option not declared `server`):
 * most commands still run on the SQLite file alone, and would otherwise take the address for a file name and
 * fail later, or make a new file by that name. The address is never repeated (it may hold a password).
 */
export function refuseServerAddressForFile(spec: CommandSpec, args: Readonly<Record<string, unknown>>): void {
  for (const [name, option] of Object.entries(spec.options)) {
    if ('flag' in option || option.server) continue;
    const value = args[name];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((text) => typeof text === 'string' && isServerAddress(text))) {
      throw new CliFailure(
        `«${spec.name}» virker foreløpig bare på en databasefil, ikke på en databaseserver (--${name} er en postgres://-adresse). ` +
          'På en server virker så langt «stats» og «migrate-to-server».',
      );
    }
  }
}
