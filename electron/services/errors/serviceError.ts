import type { ApiErrorCode } from '@shared/contract';

/**
 * A refusal the user can act on. The message is Norwegian and must not contain values the user typed
 * (they may be personal data); name the field instead.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(message: string, field?: string): ServiceError {
  return new ServiceError('not_found', message, field ? { [field]: message } : {});
}

export function invalidField(field: string, message: string): ServiceError {
  return new ServiceError('validation', message, { [field]: message });
}
