import type { WritePlan } from '../../electron/services/timesheet/commit';

/** The ids a synthetic import plan uses: Felles, Steigen and Fauske, and three categories. */
export interface PlanIds {
  municipalities: [felles: number, steigen: number, fauske: number];
  categories: [number, number, number];
}

/**
 * A write plan of `rows` rows over 2019, made directly (not read from a sheet: the reading has its own
 * tests, and these need tens of thousands of rows): shared work and two of the nine, every third row on
 * a case the import creates, every row its own occurrence so all keys (rowKey.ts) differ.
 */
export function syntheticWritePlan(rows: number, ids: PlanIds): WritePlan {
  const accepted: WritePlan['accepted'][number][] = [];
  for (let i = 0; i < rows; i++) {
    const row = {
      date: new Date(Date.UTC(2019, 0, 1 + (i % 365))).toISOString().slice(0, 10),
      caseCode: i % 3 === 1 ? '07/19-ST' : null,
      municipalityId: ids.municipalities[i % 3]!,
      categoryId: ids.categories[i % 3]!,
      minutes: 30 * (1 + (i % 6)),
    };
    accepted.push({ ...row, occurrence: i + 1 });
  }
  const steigen = ids.municipalities[1];
  return {
    rowsRead: rows + 2,
    rejectedCount: 2,
    duplicates: 0,
    newCases: [{ code: '07/19-ST', municipalityId: steigen, year: 2019, runningNumber: 7 }],
    accepted,
  };
}
