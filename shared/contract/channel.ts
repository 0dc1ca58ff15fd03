import type { z } from 'zod';

/**
 * One channel of the contract. `kind` tells the renderer's query layer whether to cache (query) or to
 * invalidate after (mutation); `writes` tells the dispatcher whether an actor is required.
 * The output type exists only at compile time.
 */
export type ChannelKind = 'query' | 'mutation';

export interface ChannelDefinition<Input extends z.ZodType, Output, Kind extends ChannelKind = ChannelKind, Anonymous extends boolean = boolean> {
  readonly input: Input;
  readonly kind: Kind;
  readonly description: string;
  /** Query keys (channel domains) a successful mutation makes stale. */
  readonly invalidates: readonly string[];
  /**
   * Allowed before anyone is signed in: signing in, creating the very first member, asking who is
   * signed in. Everything else, reads included, needs a signed-in member. A literal type, so the
   * services' context type can follow it.
   */
  readonly anonymous: Anonymous;
  readonly __output?: Output;
}

export function queryChannel<Output>() {
  return <Input extends z.ZodType, Anonymous extends boolean = false>(
    input: Input,
    description: string,
    options: { anonymous?: Anonymous } = {},
  ): ChannelDefinition<Input, Output, 'query', Anonymous> => ({
    input,
    kind: 'query',
    description,
    invalidates: [],
    anonymous: anonymousFlag(options),
  });
}

export function mutationChannel<Output>() {
  return <Input extends z.ZodType, Anonymous extends boolean = false>(
    input: Input,
    description: string,
    invalidates: readonly string[],
    options: { anonymous?: Anonymous } = {},
  ): ChannelDefinition<Input, Output, 'mutation', Anonymous> => ({ input, kind: 'mutation', description, invalidates, anonymous: anonymousFlag(options) });
}

/** Left out means false, which is what the type parameter defaults to when the option is absent. */
function anonymousFlag<Anonymous extends boolean>(options: { anonymous?: Anonymous }): Anonymous {
  return (options.anonymous ?? false) as Anonymous;
}
