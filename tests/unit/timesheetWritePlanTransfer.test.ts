import { describe, expect, it } from 'vitest';
import type { WritePlan } from '../../electron/services/timesheet/commit';
import { packWritePlan, unpackWritePlan, writePlanTransferables } from '../../electron/services/timesheet/writePlanTransfer';

const plan: WritePlan = {
  rowsRead: 5,
  rejectedCount: 1,
  duplicates: 1,
  newCases: [{ code: '02/20-ST', municipalityId: 4, year: 2020, runningNumber: 2 }],
  accepted: [
    { date: '2020-02-03', caseCode: '02/20-ST', municipalityId: 4, categoryId: 1, minutes: 90, occurrence: 1 },
    { date: '2020-02-05', caseCode: null, municipalityId: 11, categoryId: 8, minutes: 60, occurrence: 1 },
    { date: '2020-02-03', caseCode: '02/20-ST', municipalityId: 4, categoryId: 1, minutes: 90, occurrence: 2 },
  ],
};

describe('the write plan packed for the writing worker', () => {
  it('comes back row for row as it was (content and occurrence, from which the write builds each key)', async () => {
    const packed = await packWritePlan(plan);
    expect(packed.caseCodes).toEqual(['02/20-ST']);
    expect(packed.dates).toEqual(['2020-02-03', '2020-02-05']);
    expect(writePlanTransferables(packed)).toHaveLength(6);
    expect(unpackWritePlan(structuredClone(packed))).toEqual(plan);
  });

  it('round-trips an empty plan', async () => {
    const empty = { ...plan, newCases: [], accepted: [] };
    expect(unpackWritePlan(await packWritePlan(empty))).toEqual(empty);
  });
});
