import type { EttervernApi } from '@shared/api';
import type { ApiErrorCode, ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';

declare global {
  interface Window {
    /** Installed by the preload (or by the browser tests); absent when the page is opened on its own. */
    api?: EttervernApi;
  }
}

/** A failed channel call, carrying the contract's Norwegian message and per-field messages. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly fieldErrors: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, fieldErrors: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function hasApi(): boolean {
  return typeof window !== 'undefined' && typeof window.api?.invoke === 'function';
}

/** Calls one channel and unwraps the result: the value, or an ApiCallError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const api = window.api;
  if (!api) throw new ApiCallError('internal', 'Ettervern har ikke kontakt med databasen.');
  let result: Awaited<ReturnType<EttervernApi['invoke']>>;
  try {
    result = await api.invoke(channel, input);
  } catch {
    // A broken bridge must not leak its own (English, technical) text into the UI.
    throw new ApiCallError('internal', 'Noe gikk galt i kontakten med databasen. Prøv igjen.');
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiCallError('internal', 'Fikk et uventet svar fra databasen.');
  }
  if (result.ok) return result.value as ChannelOutput<C>;
  const { code, message, fieldErrors } = result.error;
  throw new ApiCallError(code, message, fieldErrors ?? {});
}

/** The record was saved by someone else since the form read it (the service's version check): offer a reload. */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'conflict' && 'version' in error.fieldErrors;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Noe gikk galt. Prøv igjen.';
}
