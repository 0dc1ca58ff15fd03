import { z } from 'zod';
import { CHANNEL_NAMES, contract } from '@shared/contract';
import { EXIT, printJson, type CliIo } from '../io';

/** Every channel of the contract with its input as JSON Schema: what a script (or a person) may send. */
export function describeChannels() {
  return CHANNEL_NAMES.map((name) => {
    const definition = contract[name];
    return {
      name,
      kind: definition.kind,
      description: definition.description,
      reads: definition.reads,
      writes: definition.writes,
      anonymous: definition.anonymous,
      // `input`: what the caller sends, before defaults and transforms (hours as «1,5», not minutes).
      input: z.toJSONSchema(definition.input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
    };
  });
}

export async function runChannels(_args: unknown, io: CliIo): Promise<number> {
  printJson(io, describeChannels());
  return EXIT.ok;
}
