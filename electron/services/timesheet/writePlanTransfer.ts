import type { WritePlan, WriteRow } from './commit';

/**
 * A write plan as it crosses to the writing worker: one typed array per column (moved, not copied), the
 * few distinct dates and case codes as small tables, and no keys at all (the write builds them with
 * rowKey.ts from the content and the occurrence). Posting 100,000 row objects, or even their keys as one
 * long text, is copied on the main thread: over 100 ms of the very blocking the worker is there to avoid.
 */
export interface PackedWritePlan {
  rowsRead: number;
  rejectedCount: number;
  duplicates: number;
  newCases: WritePlan['newCases'];
  count: number;
  /** The distinct dates and case codes; `dateIndex` and `caseIndex` point into them (-1: no case). */
  dates: string[];
  caseCodes: string[];
  dateIndex: Int32Array;
  caseIndex: Int32Array;
  municipalityIds: Int32Array;
  categoryIds: Int32Array;
  minutes: Int32Array;
  occurrences: Int32Array;
}

/** The index of `value` in `table`, added at the end the first time it is seen. */
function indexIn(table: string[], indexes: Map<string, number>, value: string): number {
  let index = indexes.get(value);
  if (index === undefined) {
    index = table.length;
    table.push(value);
    indexes.set(value, index);
  }
  return index;
}

/** Rows packed between two turns of the event loop: a few ms each, even cold. */
const ROWS_PER_STEP = 2_500;

/** Packs in steps, handing the main thread back between them (the first pass over 100,000 rows is slow to warm up). */
export async function packWritePlan(plan: WritePlan): Promise<PackedWritePlan> {
  const n = plan.accepted.length;
  const packed: PackedWritePlan = {
    rowsRead: plan.rowsRead,
    rejectedCount: plan.rejectedCount,
    duplicates: plan.duplicates,
    newCases: plan.newCases,
    count: n,
    dates: [],
    caseCodes: [],
    dateIndex: new Int32Array(n),
    caseIndex: new Int32Array(n),
    municipalityIds: new Int32Array(n),
    categoryIds: new Int32Array(n),
    minutes: new Int32Array(n),
    occurrences: new Int32Array(n),
  };
  const dateIndexes = new Map<string, number>();
  const caseIndexes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % ROWS_PER_STEP === 0) await new Promise((resolve) => setImmediate(resolve));
    const row = plan.accepted[i]!;
    packed.dateIndex[i] = indexIn(packed.dates, dateIndexes, row.date);
    packed.caseIndex[i] = row.caseCode === null ? -1 : indexIn(packed.caseCodes, caseIndexes, row.caseCode);
    packed.municipalityIds[i] = row.municipalityId;
    packed.categoryIds[i] = row.categoryId;
    packed.minutes[i] = row.minutes;
    packed.occurrences[i] = row.occurrence;
  }
  return packed;
}

export function unpackWritePlan(packed: PackedWritePlan): WritePlan {
  const accepted: WriteRow[] = new Array<WriteRow>(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const caseIndex = packed.caseIndex[i]!;
    const content = {
      date: packed.dates[packed.dateIndex[i]!]!,
      caseCode: caseIndex < 0 ? null : packed.caseCodes[caseIndex]!,
      municipalityId: packed.municipalityIds[i]!,
      categoryId: packed.categoryIds[i]!,
      minutes: packed.minutes[i]!,
    };
    accepted[i] = { ...content, occurrence: packed.occurrences[i]! };
  }
  const { rowsRead, rejectedCount, duplicates, newCases } = packed;
  return { rowsRead, rejectedCount, duplicates, newCases, accepted };
}

/** The typed arrays' buffers, moved to the worker instead of copied. */
export function writePlanTransferables(packed: PackedWritePlan): ArrayBuffer[] {
  return [packed.dateIndex, packed.caseIndex, packed.municipalityIds, packed.categoryIds, packed.minutes, packed.occurrences].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
