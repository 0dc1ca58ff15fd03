import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One command: its Norwegian help, the options it accepts, and what it does. Returns the exit code. */
export interface CliCommand {
  name: string;
  /** The command line as shown in the usage, e.g. `demo --db FIL [--year ÅÅÅÅ]`. */
  synopsis: string;
  /** Norwegian lines under the synopsis. */
  description: readonly string[];
  options: CliOptions;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
