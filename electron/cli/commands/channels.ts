import { z } from 'zod';
import { CHANNEL_NAMES, contract } from '@shared/contract';
import type { CliCommand } from '../command';
import { EXIT, printJson } from '../io';

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

export const channelsCommand: CliCommand = {
  name: 'channels',
  synopsis: 'channels',
  description: ['Lister alle kanaler i kontrakten: navn, type (query/mutation), beskrivelse, hva kanalen leser og skriver, og inndata som JSON Schema.'],
  options: {},
  positionals: { min: 0, max: 0 },
  async run(_args, io) {
    printJson(io, describeChannels());
    return EXIT.ok;
  },
};
