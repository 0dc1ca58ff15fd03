import type { CliIo } from './io';

/** How an option's text becomes its value; `undefined` from `parse` means the text is not one. */
export interface ValueType<T> {
  /** Norwegian, completes «--year må være …». */
  expected: string;
  parse(text: string): T | undefined;
}

/** An option without a value (`--force`): true when given. */
export interface FlagSpec {
  flag: true;
  description: string;
}

/** An option with a value (`--db FIL`). Text unless `type` says otherwise; repeatable ones collect a list of texts. */
export interface ValueSpec {
  /** Shown in the help and in error messages, e.g. `FIL` in `--db FIL`. */
  placeholder: string;
  description: string;
  required?: boolean;
  repeatable?: boolean;
  type?: ValueType<unknown>;
  /** Takes a PostgreSQL server's `postgres://` address too; every other option refuses one (serverAddress.ts). */
  server?: true;
}

export type OptionSpec = FlagSpec | ValueSpec;

/** An argument without a `--name`, in the order the command takes them. */
export interface PositionalSpec {
  /** The key it gets in the parsed arguments; must not be an option's name. */
  name: string;
  placeholder: string;
  required?: boolean;
  /** The only values allowed; the help shows them instead of the placeholder. */
  choices?: readonly string[];
  description?: string;
}

/**
 * What a command accepts and what its help says. The parser, the help text and the type of the arguments
 * the command receives are all derived from this one declaration.
 */
export interface CommandSpec {
  name: string;
  /** Norwegian lines under the synopsis in the help. */
  description: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  positionals: readonly PositionalSpec[];
}

type OptionValue<S> = S extends FlagSpec
  ? boolean
  : S extends { repeatable: true }
    ? string[]
    : (S extends { type: ValueType<infer T> } ? T : string) | (S extends { required: true } ? never : undefined);

type PositionalValue<P> = (P extends { choices: readonly (infer C)[] } ? C : string) | (P extends { required: true } ? never : undefined);

/** The parsed arguments of a command: one key per option and per positional argument, typed by the declaration. */
export type CommandArgs<S extends CommandSpec> = {
  -readonly [K in keyof S['options']]: OptionValue<S['options'][K]>;
} & {
  -readonly [P in S['positionals'][number] as P['name']]: PositionalValue<P>;
};

/** What a command does with its parsed arguments. Returns the exit code. */
export type CommandRun<S extends CommandSpec> = (args: CommandArgs<S>, io: CliIo) => Promise<number>;

/** Keeps the literal types of a declaration (which options are required, which are flags) for `CommandArgs`. */
export function defineCommand<const S extends CommandSpec>(spec: S): S {
  return spec;
}
