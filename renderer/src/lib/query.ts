import { MutationCache, QueryClient, keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput, MutationChannelName, QueryChannelName } from '@shared/contract';
import { queriesStaleAfter } from '@shared/contract/staleQueries';
import { ApiCallError, call } from './api';

/** A cached answer is keyed by its channel and input, so every answer of one channel goes stale together. */
export function queryKeyFor<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  return [channel, input] as const;
}

const SESSION_QUERY: QueryChannelName = 'session:get-current';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A write refused for want of a signed-in member means the session is gone: ask again who it is.
    mutationCache: new MutationCache({
      onError: (error) => {
        // Likewise a write refused because the screen was locked meanwhile: show the lock screen.
        if (error instanceof ApiCallError && (error.code === 'unauthenticated' || error.code === 'locked')) {
          void client.invalidateQueries({ queryKey: [SESSION_QUERY] });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // The database is local and answers the same way twice: a refused call will not heal by retrying.
        retry: (count, error) => !(error instanceof ApiCallError) && count < 1,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

type ExtraQueryOptions<C extends ChannelName> = Omit<
  UseQueryOptions<ChannelOutput<C>, ApiCallError, ChannelOutput<C>, ReturnType<typeof queryKeyFor<C>>>,
  'queryKey' | 'queryFn'
> & { keepPrevious?: boolean };

export function useApiQuery<C extends QueryChannelName>(channel: C, input: ChannelInput<C>, options: ExtraQueryOptions<C> = {}) {
  const { keepPrevious, ...rest } = options;
  return useQuery({
    queryKey: queryKeyFor(channel, input),
    queryFn: () => call(channel, input),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...rest,
  });
}

/** Marks stale every cached answer of the queries that read what these mutations write (staleQueries.ts). */
export async function invalidateAfter(queryClient: QueryClient, mutations: readonly MutationChannelName[]): Promise<void> {
  const stale = new Set(mutations.flatMap(queriesStaleAfter));
  await Promise.all([...stale].map((query) => queryClient.invalidateQueries({ queryKey: [query] })));
}

/** A mutation that, once it succeeds, marks stale every cached answer that read what it writes. */
export function useApiMutation<C extends MutationChannelName>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiCallError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => invalidateAfter(queryClient, [channel]),
  });
}
