import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, SessionDto } from '@shared/contract';
import { call, type ApiCallError } from '@renderer/lib/api';
import { invalidateAfter } from '@renderer/lib/query';

/**
 * Creates the very first member and signs in as them in one step, so the screen goes straight from
 * «Kom i gang» to the app instead of passing through «Hvem er du?».
 */
export function useCreateFirstMember() {
  const queryClient = useQueryClient();
  return useMutation<SessionDto, ApiCallError, ChannelInput<'team-members:create'>>({
    mutationFn: async (input) => {
      const member = await call('team-members:create', input);
      return call('session:sign-in', { username: member.username, password: input.password });
    },
    onSuccess: () => invalidateAfter(queryClient, ['team-members:create', 'session:sign-in']),
  });
}
