import type { WritePlan, WriteRow } from './commit';

/**
 * A write plan as it crosses to the writing worker: numbers in typed arrays (moved, not copied) and the
 * texts as two long strings. Posting 100,000 row objects would be structured-cloned on the main thread
 * (over 100 ms of the very blocking the worker is there to avoid); this packs in a few ms.
 */
export interface PackedWritePlan {
  rowsRead: number;
  rejectedCount: number;
  duplicates: number;
  newCases: WritePlan['newCases'];
  count: number;
  /** Dates and keys, one per row, joined by SEPARATOR (neither can hold one: see packWritePlan). */
  dates: string;
  keys: string;
  /** The distinct case codes; `caseIndex` points into them, -1 for a row without a case. */
  caseCodes: string[];
  caseIndex: Int32Array;
  municipalityIds: Int32Array;
  categoryIds: Int32Array;
  minutes: Int32Array;
}

const SEPARATOR = '\n';

export function packWritePlan(plan: WritePlan): PackedWritePlan {
  const n = plan.accepted.length;
  const caseCodes: string[] = [];
  const caseNumber = new Map<string, number>();
  const packed: PackedWritePlan = {
    rowsRead: plan.rowsRead,
    rejectedCount: plan.rejectedCount,
    duplicates: plan.duplicates,
    newCases: plan.newCases,
    count: n,
    dates: '',
    keys: '',
    caseCodes,
    caseIndex: new Int32Array(n),
    municipalityIds: new Int32Array(n),
    categoryIds: new Int32Array(n),
    minutes: new Int32Array(n),
  };
  const dates: string[] = new Array<string>(n);
  const keys: string[] = new Array<string>(n);
  plan.accepted.forEach((row, i) => {
    // Dates are ISO and keys are built from ISO dates, normalised case codes and numbers (plan.ts);
    // a separator inside one would shift every later row, so it is refused rather than trusted.
    if (row.key.includes(SEPARATOR) || row.date.includes(SEPARATOR)) throw new Error('Import row key holds a line break');
    dates[i] = row.date;
    keys[i] = row.key;
    let index = -1;
    if (row.caseCode !== null) {
      index = caseNumber.get(row.caseCode) ?? caseCodes.length;
      if (index === caseCodes.length) {
        caseCodes.push(row.caseCode);
        caseNumber.set(row.caseCode, index);
      }
    }
    packed.caseIndex[i] = index;
    packed.municipalityIds[i] = row.municipalityId;
    packed.categoryIds[i] = row.categoryId;
    packed.minutes[i] = row.minutes;
  });
  packed.dates = dates.join(SEPARATOR);
  packed.keys = keys.join(SEPARATOR);
  return packed;
}

export function unpackWritePlan(packed: PackedWritePlan): WritePlan {
  const dates = packed.count === 0 ? [] : packed.dates.split(SEPARATOR);
  const keys = packed.count === 0 ? [] : packed.keys.split(SEPARATOR);
  if (dates.length !== packed.count || keys.length !== packed.count) throw new Error('Packed import plan is inconsistent');
  const accepted: WriteRow[] = new Array<WriteRow>(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const index = packed.caseIndex[i]!;
    accepted[i] = {
      date: dates[i]!,
      key: keys[i]!,
      caseCode: index < 0 ? null : packed.caseCodes[index]!,
      municipalityId: packed.municipalityIds[i]!,
      categoryId: packed.categoryIds[i]!,
      minutes: packed.minutes[i]!,
    };
  }
  const { rowsRead, rejectedCount, duplicates, newCases } = packed;
  return { rowsRead, rejectedCount, duplicates, newCases, accepted };
}

/** The typed arrays' buffers, moved to the worker instead of copied. */
export function writePlanTransferables(packed: PackedWritePlan): ArrayBuffer[] {
  return [packed.caseIndex, packed.municipalityIds, packed.categoryIds, packed.minutes].map((array) => array.buffer as ArrayBuffer);
}
