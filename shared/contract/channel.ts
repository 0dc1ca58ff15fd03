import type { z } from 'zod';
import type { DataSource } from '../domain/dataTables';

/**
 * One channel of the contract. `kind` tells the renderer's query layer whether to cache the answer
 * (query) or to make cached answers stale after it (mutation); which answers go stale follows from
 * `writes` and `reads` (staleQueries.ts). A test runs every channel and checks both against the SQL
 * it actually executes. The output type, and the audited field names a write may add to its input's,
 * exist only at compile time.
 */
export type ChannelKind = 'query' | 'mutation';

export interface ChannelDefinition<
  Input extends z.ZodType,
  Output,
  Kind extends ChannelKind = ChannelKind,
  Anonymous extends boolean = boolean,
  AlsoAudited extends string = string,
> {
  readonly input: Input;
  readonly kind: Kind;
  readonly description: string;
  /** What a query's answer is made of. Empty for a mutation: its answer is never cached. */
  readonly reads: readonly DataSource[];
  /**
   * What the call changes. Every mutation writes `audit_log` (every write is audited, exports and
   * documents too); a query writes nothing, except the audit row for opening a case page and the
   * import job a time sheet is read into.
   */
  readonly writes: readonly DataSource[];
  /**
   * Allowed before anyone is signed in: signing in, creating the very first member, asking who is
   * signed in. Everything else, reads included, needs a signed-in member. A literal type, so the
   * services' context type can follow it.
   */
  readonly anonymous: Anonymous;
  readonly __output?: Output;
  /** Field names the audit row may give beyond the input's own (the status a lifecycle step sets); see auditedFields.ts. */
  readonly __alsoAudited?: AlsoAudited;
}

export function queryChannel<Output>() {
  return <Input extends z.ZodType, Anonymous extends boolean = false>(
    input: Input,
    description: string,
    reads: readonly DataSource[],
    options: { anonymous?: Anonymous; writes?: readonly DataSource[] } = {},
  ): ChannelDefinition<Input, Output, 'query', Anonymous, never> => ({
    input,
    kind: 'query',
    description,
    reads,
    writes: options.writes ?? [],
    anonymous: anonymousFlag(options),
  });
}

export function mutationChannel<Output, AlsoAudited extends string = never>() {
  return <Input extends z.ZodType, Anonymous extends boolean = false>(
    input: Input,
    description: string,
    writes: readonly DataSource[],
    options: { anonymous?: Anonymous } = {},
  ): ChannelDefinition<Input, Output, 'mutation', Anonymous, AlsoAudited> => ({
    input,
    kind: 'mutation',
    description,
    reads: [],
    writes,
    anonymous: anonymousFlag(options),
  });
}

/** Left out means false, which is what the type parameter defaults to when the option is absent. */
function anonymousFlag<Anonymous extends boolean>(options: { anonymous?: Anonymous }): Anonymous {
  return (options.anonymous ?? false) as Anonymous;
}
