import { describe, expect, it } from 'vitest';
import { TransactionConflictError } from '../../electron/db/errors';
import { toApiError } from '../../electron/services/errors/toApiError';

describe('a write the server kept aborting', () => {
  it('reaches the user as «busy» with its Norwegian message, and is not reported as a fault', () => {
    const reports: unknown[] = [];
    const error = new TransactionConflictError(5, { cause: Object.assign(new Error('could not serialize access'), { code: '40001' }) });
    expect(toApiError(error, 'cost-share:save-settings', (r) => reports.push(r))).toEqual({
      code: 'busy',
      message: 'Databasen var opptatt med andres lagringer, og endringen gikk ikke gjennom etter 5 forsøk. Ingenting ble lagret. Prøv igjen.',
      fieldErrors: {},
    });
    expect(reports).toEqual([]);
  });
});
