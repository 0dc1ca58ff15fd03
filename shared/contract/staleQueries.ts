import type { DataSource } from '../domain/dataTables';
import { CHANNEL_NAMES, contract, type MutationChannelName, type QueryChannelName } from './index';

const QUERY_CHANNELS = CHANNEL_NAMES.filter((channel): channel is QueryChannelName => contract[channel].kind === 'query');

/**
 * What a query's answer depends on: what it declares, and — for every query but the few anyone may ask —
 * who is signed in, because the services answer only for a signed-in member.
 */
export function readsOf(query: QueryChannelName): readonly DataSource[] {
  const definition = contract[query];
  return definition.anonymous ? definition.reads : [...definition.reads, 'signed_in_member'];
}

/**
 * The queries whose cached answers are stale once `mutation` has succeeded: every query that reads
 * something the mutation writes. The renderer fetches them again; nothing else is kept by hand.
 */
export function queriesStaleAfter(mutation: MutationChannelName): QueryChannelName[] {
  const written = new Set<DataSource>(contract[mutation].writes);
  return QUERY_CHANNELS.filter((query) => readsOf(query).some((source) => written.has(source)));
}
