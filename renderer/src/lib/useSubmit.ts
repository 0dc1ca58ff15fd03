import { useState } from 'react';
import type { ChannelInput, MutationChannelName } from '@shared/contract';
import { ApiCallError, errorMessage, isStaleVersion } from './api';
import { useApiMutation } from './query';

/**
 * A mutation for the small forms on the case page: remembers the last refusal's message and per-field
 * messages so each field can show its own, and tells the caller whether the save went through.
 */
export function useSubmit<C extends MutationChannelName>(channel: C) {
  const mutation = useApiMutation(channel);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const submit = async (input: ChannelInput<C>): Promise<boolean> => {
    setMessage(null);
    setFieldErrors({});
    setStale(false);
    try {
      await mutation.mutateAsync(input);
      return true;
    } catch (error) {
      setMessage(errorMessage(error));
      if (error instanceof ApiCallError) setFieldErrors(error.fieldErrors);
      setStale(isStaleVersion(error));
      return false;
    }
  };
  return { submit, message, fieldErrors, stale, pending: mutation.isPending };
}
