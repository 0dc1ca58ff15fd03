import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type ServiceContext } from '../../electron/services/context';
import { RowPacker } from '../../electron/services/timesheet/packedRows';
import { currentPlan, planAndRemember } from '../../electron/services/timesheet/planCache';
import type { ParsedWorkbook } from '../../electron/services/timesheet/types';
import { createTestDatabase, municipalityId, TEST_NOW, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
let ctx: ServiceContext;
beforeEach(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, actor: null, clock: fixedClock(TEST_NOW), session: { actor: null } };
});
afterEach(() => t.close());

function workbook(): ParsedWorkbook {
  const packer = new RowPacker();
  packer.add(2, ['01/20-FA', '04.02.2020', 'Fauske', 'Kjøring', 2]);
  return { sha256: 'x', sheets: [{ name: 'Ark1', hasHeader: true, rows: packer.finish() }] };
}

describe('the preview plan kept for «Importer»', () => {
  it('is reused only for the same job and sheets with nothing written since, and only once', () => {
    const book = workbook();
    const shown = planAndRemember(ctx, 'job-a', book);
    expect(currentPlan(ctx, 'job-a', book)).toBe(shown);
    expect(currentPlan(ctx, 'job-a', book)).not.toBe(shown);

    planAndRemember(ctx, 'job-a', book);
    expect(currentPlan(ctx, 'job-b', book)).toEqual(expect.objectContaining({ rowsRead: 1 }));
    const again = planAndRemember(ctx, 'job-a', book);
    expect(currentPlan(ctx, 'job-a', book, { sheets: ['Ark1'] })).not.toBe(again);
  });

  it('plans again after any write, so the import sees the database as it is now', () => {
    const book = workbook();
    const shown = planAndRemember(ctx, 'job-a', book);
    expect(shown.newCases.map((c) => c.code)).toEqual(['01/20-FA']);
    t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2020-01-10', code: '01/20-FA' });
    const now = currentPlan(ctx, 'job-a', book);
    expect(now).not.toBe(shown);
    expect(now.newCases).toEqual([]);
  });
});
