import type { z } from 'zod';

/**
 * One channel of the contract. `kind` tells the renderer's query layer whether to cache (query) or to
 * invalidate after (mutation); `writes` tells the dispatcher whether an actor is required.
 * The output type exists only at compile time.
 */
export type ChannelKind = 'query' | 'mutation';

export interface ChannelDefinition<Input extends z.ZodType, Output, Kind extends ChannelKind = ChannelKind> {
  readonly input: Input;
  readonly kind: Kind;
  readonly description: string;
  /** Query keys (channel domains) a successful mutation makes stale. */
  readonly invalidates: readonly string[];
  /**
   * Allowed before anyone is signed in: signing in, creating the very first member, asking who is
   * signed in. Everything else, reads included, needs a signed-in member.
   */
  readonly anonymous: boolean;
  readonly __output?: Output;
}

export function queryChannel<Output>() {
  return <Input extends z.ZodType>(
    input: Input,
    description: string,
    options: { anonymous?: boolean } = {},
  ): ChannelDefinition<Input, Output, 'query'> => ({
    input,
    kind: 'query',
    description,
    invalidates: [],
    anonymous: options.anonymous ?? false,
  });
}

export function mutationChannel<Output>() {
  return <Input extends z.ZodType>(
    input: Input,
    description: string,
    invalidates: readonly string[],
    options: { anonymous?: boolean } = {},
  ): ChannelDefinition<Input, Output, 'mutation'> => ({ input, kind: 'mutation', description, invalidates, anonymous: options.anonymous ?? false });
}
