import {
  MutationCache,
  QueryClient,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import {
  contract,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type MutationChannelName,
  type QueryChannelName,
} from '@shared/contract';
import { ApiCallError, call } from './api';

/** The part of `domain:verb-noun` that mutations name in `invalidates`. */
export function domainOf(channel: ChannelName): string {
  return channel.slice(0, channel.indexOf(':'));
}

export function queryKeyFor<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  return [domainOf(channel), channel, input] as const;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A write refused for want of a signed-in member means the session is gone: ask again who it is.
    mutationCache: new MutationCache({
      onError: (error) => {
        // Likewise a write refused because the screen was locked meanwhile: show the lock screen.
        if (error instanceof ApiCallError && (error.code === 'unauthenticated' || error.code === 'locked')) {
          void client.invalidateQueries({ queryKey: ['session'] });
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

/** Marks stale every domain that the contract says these mutations change. */
export async function invalidateAfter(queryClient: QueryClient, channels: readonly ChannelName[]): Promise<void> {
  const domains = new Set(channels.flatMap((channel) => contract[channel].invalidates));
  await Promise.all([...domains].map((domain) => queryClient.invalidateQueries({ queryKey: [domain] })));
}

/** A mutation that, once it succeeds, marks every domain the contract lists in `invalidates` as stale. */
export function useApiMutation<C extends MutationChannelName>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, ApiCallError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => invalidateAfter(queryClient, [channel]),
  });
}
