import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiCallError, errorMessage } from './api';

/** Where a refusal's messages go on a form: each under its field, and what has no field in one banner. */
export interface PlacedErrors<F extends string> {
  /** Form field → the message shown under it. */
  atFields: Partial<Record<F, string>>;
  /** The fields with a message, in the form's order: the first is the one to focus. */
  invalid: F[];
  /** The banner's text; null when every message found its field (the fields say it all). */
  banner: string | null;
}

/**
 * Maps a refused call's field errors to the form's fields. Keys are dot-separated contract paths
 * («staffIds.1»); the form field whose name is the path or its first segments takes the message (the
 * first message per field wins). What lands on no field the form shows (a rule about two fields, a
 * colleague's newer save, a full disk) goes to the banner, so nothing the service said is lost and
 * nothing is said twice.
 */
export function placeApiError<F extends string>(error: unknown, fields: readonly F[]): PlacedErrors<F> {
  if (!(error instanceof ApiCallError)) return { atFields: {}, invalid: [], banner: errorMessage(error) };
  const atFields: Partial<Record<F, string>> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = fields.find((name) => path === name || path.startsWith(`${name}.`));
    if (field === undefined) unplaced.push(message);
    else atFields[field] ??= message;
  }
  const invalid = fields.filter((name) => atFields[name] !== undefined);
  let banner: string | null;
  if (invalid.length === 0) banner = error.message;
  else if (unplaced.length === 0) banner = null;
  else banner = [...new Set(unplaced)].join('. ');
  return { atFields, invalid, banner };
}

/**
 * For react-hook-form forms: puts the contract's field errors on the form's fields (the first invalid one
 * focused) and returns the banner's text, null when every message is at its field. react-hook-form clears
 * such an error when its field changes or the form is submitted again.
 */
export function applyApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly FieldPath<T>[]): string | null {
  const placed = placeApiError(error, fields);
  placed.invalid.forEach((field, index) => setError(field, { type: 'server', message: placed.atFields[field] }, { shouldFocus: index === 0 }));
  return placed.banner;
}

/** The first control in `container` that its Field marks invalid (Fluent sets aria-invalid from the message). */
export function focusFirstInvalid(container: ParentNode | null | undefined): boolean {
  const target = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!target) return false;
  target.focus();
  return true;
}
