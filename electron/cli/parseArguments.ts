import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandArgs, CommandSpec, OptionSpec } from './command';
import { UsageError } from './io';

export type ParsedCommandLine<S extends CommandSpec> = { help: true } | { help: false; args: CommandArgs<S> };

/** Typed garbage is cut short in messages: it is echoed to a terminal, and may be anything. */
const shown = (text: string) => text.slice(0, 40);

/**
 * Node's parser only splits the command line into tokens (non-strict, so nothing is thrown in English);
 * every rule — unknown options, missing values, required options, the positional arguments — is checked
 * here against the command's declaration, with one Norwegian message per kind of mistake.
 */
export function parseCommandLine<S extends CommandSpec>(spec: S, argv: readonly string[]): ParsedCommandLine<S> {
  const nodeOptions: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, option] of Object.entries(spec.options)) nodeOptions[name] = { type: 'flag' in option ? 'boolean' : 'string' };
  const { tokens } = parseArgs({ args: [...argv], options: nodeOptions, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { help: true };

  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!option) throw new UsageError(`Ukjent valg: ${shown(token.rawName)}`);
    values[token.name] = optionValue(token.name, option, token.value, token.inlineValue === true, values[token.name]);
  }
  readPositionals(spec, positionals, values);
  for (const [name, option] of Object.entries(spec.options)) {
    if ('flag' in option) values[name] ??= false;
    else if (option.repeatable) values[name] ??= [];
    else if (option.required && values[name] === undefined) throw new UsageError(`Mangler --${name} ${option.placeholder}`);
  }
  return { help: false, args: values as CommandArgs<S> };
}

function optionValue(name: string, option: OptionSpec, text: string | undefined, inline: boolean, earlier: unknown): unknown {
  if ('flag' in option) {
    if (text !== undefined) throw new UsageError(`Valget --${name} tar ingen verdi`);
    return true;
  }
  // `--db --actor x` must not open a database named «--actor»; `--db=-x` is how to mean it.
  if (text === undefined || (!inline && text.startsWith('-'))) throw new UsageError(`Valget --${name} mangler verdi (${option.placeholder})`);
  if (option.repeatable) return [...((earlier as string[] | undefined) ?? []), text];
  if (earlier !== undefined) throw new UsageError(`Valget --${name} er gitt mer enn én gang`);
  if (!option.type) return text;
  const value = option.type.parse(text);
  if (value === undefined) throw new UsageError(`--${name} må være ${option.type.expected}`);
  return value;
}

function readPositionals(spec: CommandSpec, given: readonly string[], values: Record<string, unknown>): void {
  if (given.length > spec.positionals.length) throw new UsageError('For mange argumenter');
  for (const [index, positional] of spec.positionals.entries()) {
    const text = given[index];
    if (text === undefined) {
      if (positional.required) throw new UsageError(`Mangler ${positional.placeholder}`);
      continue;
    }
    if (positional.choices && !positional.choices.includes(text)) {
      throw new UsageError(`${positional.placeholder} må være ${positional.choices.join(' eller ')}`);
    }
    values[positional.name] = text;
  }
}
