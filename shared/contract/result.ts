/**
 * What every channel returns. Errors are data, not exceptions: the renderer shows `message` and puts
 * `fieldErrors` next to the fields; nothing from a stack trace or from the user's data crosses over.
 */
export type ApiErrorCode =
  | 'validation'
  /**
   * Likely a mistake, but possibly right (a duplicate, a date long ago): nothing was saved; the screen asks
   * the question in `message` and sends the same input again with the flags named in `fieldErrors` set.
   */
  | 'needs_confirmation'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  /** The screen is locked: only unlocking, signing out and the session status answer. */
  | 'locked'
  | 'unknown_channel'
  | 'storage'
  /** Another PC holds the write lock longer than the wait allows: nothing was saved, try again shortly. */
  | 'busy'
  /** The shared folder cannot be reached (network gone): nothing was saved; the next call tries again. */
  | 'unavailable'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** Norwegian, for the user. Never contains values the user typed or stack traces. */
  message: string;
  /** Field path (dot-separated) → Norwegian message naming the field. */
  fieldErrors: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ApiErrorCode, message: string, fieldErrors: Record<string, string> = {}): ApiResult<never> {
  return { ok: false, error: { code, message, fieldErrors } };
}
