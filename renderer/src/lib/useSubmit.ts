import { useEffect, useRef, useState } from 'react';
import type { ChannelInput, MutationChannelName } from '@shared/contract';
import { isStaleVersion } from './api';
import { focusFirstInvalid, placeApiError, type PlacedErrors } from './formErrors';
import { useApiMutation } from './query';

/** A field of the channel's input, or a path into one («answers.endre») where the form shows its parts. */
type InputField<C extends MutationChannelName> = Extract<keyof ChannelInput<C>, string> | `${Extract<keyof ChannelInput<C>, string>}.${string}`;

/**
 * A mutation for a small form: every message of a refusal at once, each under the field it names (Fluent's
 * Field sets aria-invalid and points aria-describedby at it), the first invalid field focused, and a banner
 * only for what concerns no field of `fields`. A new attempt clears them all; editing a field clears its
 * own message (`errorAt` is given the field's current value and hides the message once it differs from
 * the value that was refused).
 */
export function useSubmit<C extends MutationChannelName>(channel: C, fields: readonly InputField<C>[] = []) {
  const mutation = useApiMutation(channel);
  const [placed, setPlaced] = useState<PlacedErrors<InputField<C>> | null>(null);
  const [stale, setStale] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement | null>(null);
  // Each field's value when its message was first shown; a different value means the user has edited it.
  const refused = useRef(new Map<string, string>());

  useEffect(() => {
    if (attempt > 0) focusFirstInvalid(form.current);
  }, [attempt]);

  const submit = async (input: ChannelInput<C>): Promise<boolean> => {
    // The form being submitted holds the focus (its button, or the field Enter was pressed in).
    form.current = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
    setPlaced(null);
    setStale(false);
    refused.current.clear();
    try {
      await mutation.mutateAsync(input);
      return true;
    } catch (error) {
      setPlaced(placeApiError(error, fields));
      setStale(isStaleVersion(error));
      setAttempt((n) => n + 1);
      return false;
    }
  };

  const errorAt = (field: InputField<C>, value?: unknown): string | undefined => {
    const message = placed?.atFields[field];
    if (message === undefined || value === undefined) return message;
    const current = JSON.stringify(value) ?? '';
    const before = refused.current.get(field);
    if (before === undefined) refused.current.set(field, current);
    return before === undefined || before === current ? message : undefined;
  };

  return { submit, message: placed?.banner ?? null, errorAt, stale, pending: mutation.isPending };
}
