import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categoryId, createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/**
 * A refusal names every mistake it can see, each at its field, so a form can show them all at once:
 * a date in the future is named together with the input's other errors, and an entry's case rules
 * (before the referral, another municipality without a reason) together. TEST_NOW is 2020-06-15.
 */
let t: TestDatabase;
let saltdal: number;
let caseId: number;
let caseCode: string;

beforeEach(async () => {
  t = await createTestDatabase();
  saltdal = municipalityId(t, 'Saltdal');
  const created = t.ok('cases:create', { municipalityId: saltdal, referralDate: '2020-03-01' });
  caseId = created.id;
  caseCode = created.code;
});
afterEach(() => t.close());

/** Through dispatchAsync, which answers for every channel, the engine-neutral (async) services included. */
async function refused(channel: Parameters<TestDatabase['call']>[0], input: Record<string, unknown>) {
  const before = t.counts();
  const result = await t.callAsync(channel, input as never);
  expect(t.counts()).toEqual(before);
  if (result.ok) throw new Error('Expected a refusal');
  return result.error;
}

describe('a refused input also names its dates in the future', () => {
  it('closing with no reason and a future date names both fields', async () => {
    const error = await refused('cases:close', { id: caseId, version: versionOf(t, 'cases', caseId), closedDate: '2020-07-01' });
    expect(error.code).toBe('validation');
    expect(error.fieldErrors).toEqual({ closureReason: 'Velg årsak til avslutning', closedDate: 'Datoen kan ikke være fram i tid' });
    expect(error.message).toContain('Datoen kan ikke være fram i tid');
  });

  it('says nothing about a date that is today or earlier', async () => {
    const error = await refused('cases:close', { id: caseId, version: versionOf(t, 'cases', caseId), closedDate: '2020-06-15' });
    expect(error.fieldErrors).toEqual({ closureReason: 'Velg årsak til avslutning' });
  });

  it('names the future date the same way when the service finds it alone', async () => {
    const error = await refused('network:create', { date: '2020-06-16', kind: 'informasjonsmote' });
    expect(error.fieldErrors).toEqual({ date: 'Datoen kan ikke være fram i tid' });
  });

  it('leaves a future expected discharge alone: that date lies ahead by nature', async () => {
    const error = await refused('cases:enter-institution', {
      id: caseId,
      version: versionOf(t, 'cases', caseId),
      date: '2020-06-01',
      expectedDischargeDate: '2020-09-01',
    });
    expect(Object.keys(error.fieldErrors)).toEqual(['institutionKind']);
  });
});

describe('an entry on a case names each broken rule at its field', () => {
  it('a date before the referral and another municipality without a reason, together', async () => {
    const error = await refused('time-entries:create', {
      date: '2020-02-01',
      caseCode,
      municipalityId: municipalityId(t, 'Fauske'),
      categoryId: categoryId(t, 1),
      hours: '1',
    });
    expect(error.code).toBe('validation');
    expect(error.fieldErrors).toEqual({
      date: 'Datoen 01.02.2020 er før saken ble henvist (01.03.2020)',
      municipalityOverrideReason: 'Saken hører til Saltdal. Velg Saltdal, eller skriv hvorfor timene skal føres på en annen kommune',
    });
  });
});
