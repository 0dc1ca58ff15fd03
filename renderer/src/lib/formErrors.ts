import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiCallError, errorMessage } from './api';

/**
 * Puts the contract's field errors on the form's fields. Keys are dot-separated contract paths
 * («staffIds.1»); the first segment that names a form field wins. Returns the top-level message, which
 * the form shows in a MessageBar.
 */
export function applyApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly FieldPath<T>[]): string {
  if (error instanceof ApiCallError) {
    let first = true;
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const field = fields.find((name) => path === name || path.startsWith(`${name}.`));
      if (!field) continue;
      setError(field, { type: 'server', message }, { shouldFocus: first });
      first = false;
    }
  }
  return errorMessage(error);
}
