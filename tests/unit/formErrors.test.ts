import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiCallError } from '@renderer/lib/api';
import { placeApiError } from '@renderer/lib/formErrors';
import { FUTURE_DATE_MESSAGE, futureDateErrors, pastDateSchema } from '@shared/validation/notInFuture';

/** How a refusal's messages are spread over a form: under their fields, the rest in one banner. */
describe('placeApiError', () => {
  const fields = ['closedDate', 'closureReason', 'takeoverService'] as const;

  it('puts every field message under its field, in the form order, and shows no banner', () => {
    const error = new ApiCallError('validation', 'Kontroller feltene: Velg årsak til avslutning; Datoen kan ikke være fram i tid', {
      closureReason: 'Velg årsak til avslutning',
      closedDate: 'Datoen kan ikke være fram i tid',
    });
    const placed = placeApiError(error, fields);
    expect(placed.atFields).toEqual({ closureReason: 'Velg årsak til avslutning', closedDate: 'Datoen kan ikke være fram i tid' });
    expect(placed.invalid).toEqual(['closedDate', 'closureReason']);
    expect(placed.banner).toBeNull();
  });

  it('maps a nested path to the field that shows it, keeping the first message', () => {
    const error = new ApiCallError('validation', 'Kontroller feltene', { 'staffIds.1': 'Ukjent eller inaktivt teammedlem', 'staffIds.2': 'Annen melding' });
    const placed = placeApiError(error, ['staffIds']);
    expect(placed.atFields).toEqual({ staffIds: 'Ukjent eller inaktivt teammedlem' });
    expect(placed.banner).toBeNull();
  });

  it('does not take a field for a path that only starts with its name', () => {
    const placed = placeApiError(new ApiCallError('validation', 'Feil', { dateTo: 'Til-dato mangler' }), ['date']);
    expect(placed.atFields).toEqual({});
    expect(placed.banner).toBe('Feil');
  });

  it('keeps in the banner only what has no field on the form', () => {
    const error = new ApiCallError('validation', 'Kontroller feltene: Velg årsak til avslutning; Saken er endret', {
      closureReason: 'Velg årsak til avslutning',
      status: 'Saken er endret',
    });
    const placed = placeApiError(error, fields);
    expect(placed.atFields).toEqual({ closureReason: 'Velg årsak til avslutning' });
    expect(placed.banner).toBe('Saken er endret');
  });

  it('shows the whole message when nothing lands on a field (a stale version, a full disk)', () => {
    const stale = new ApiCallError('conflict', 'Saken er endret av en annen siden du åpnet den.', { version: 'Endret av en annen' });
    expect(placeApiError(stale, fields)).toEqual({ atFields: {}, invalid: [], banner: 'Saken er endret av en annen siden du åpnet den.' });
    const full = new ApiCallError('storage', 'Disken er full. Ingenting ble lagret.');
    expect(placeApiError(full, fields).banner).toBe('Disken er full. Ingenting ble lagret.');
  });

  it('gives something other than a refusal a Norwegian banner', () => {
    expect(placeApiError(new Error('boom'), fields)).toEqual({ atFields: {}, invalid: [], banner: 'Noe gikk galt. Prøv igjen.' });
  });
});

describe('futureDateErrors', () => {
  const schema = z.strictObject({
    closedDate: pastDateSchema(),
    dischargeDate: pastDateSchema().nullable().optional(),
    expected: z.string().optional(),
    reason: z.enum(['a', 'b']),
  });

  it('names each marked date after today, and only those', () => {
    const input = { closedDate: '2026-12-08', dischargeDate: '2027-01-01', expected: '2030-01-01', reason: '' };
    expect(futureDateErrors(schema, input, '2026-12-07')).toEqual({ closedDate: FUTURE_DATE_MESSAGE, dischargeDate: FUTURE_DATE_MESSAGE });
  });

  it('accepts today and earlier, and leaves what is not a date to the schema', () => {
    expect(futureDateErrors(schema, { closedDate: '2026-12-07', dischargeDate: null }, '2026-12-07')).toEqual({});
    expect(futureDateErrors(schema, { closedDate: '9999-99-99' }, '2026-12-07')).toEqual({});
    expect(futureDateErrors(schema, 'not an object', '2026-12-07')).toEqual({});
  });

  it('finds the marks through a refined object', () => {
    const refined = schema.refine(() => false, { message: 'x' });
    expect(futureDateErrors(refined, { closedDate: '2027-01-01' }, '2026-12-07')).toEqual({ closedDate: FUTURE_DATE_MESSAGE });
  });
});
