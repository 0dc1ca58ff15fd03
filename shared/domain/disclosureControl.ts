/**
 * Disclosure control: the one rule for every published figure about people. In a team of four serving nine
 * small municipalities a count of 1–4 can point at one person, so such a count is never shown — and neither is
 * anything a reader could work it out from:
 *
 * - **Counts.** A count of 1–4 is hidden, and so is every cell of a row or column whose total is 1–4 (zeros
 *   beside it would tell what those few people have in common). In every row and column whose total is published, the hidden cells
 *   are then at least two and together hold at least 5; otherwise the next smallest shown cell is hidden too
 *   (a zero included), and when no cell is left, the total. Totals are cells of their own line (the row totals
 *   form a column whose total is the grand total), so a hidden total is protected the same way.
 * - **Means, medians, shares** are shown only when built from 5 people or more, and a mean beside a row with a
 *   hidden cell is withheld: with the row total it is a second equation over the hidden cells.
 *
 * Every hidden cell carries the same label, whatever its value (a second cell hidden to protect the first may
 * be 0 or 12), so the label does not tell which cells are small. Applied in the services, so a hidden number
 * never leaves them; the renderer and the reports only ever see the label.
 *
 * Case counts per municipality are the one exception: the cost-sharing agreement divides the bill by them, and
 * the report says so instead of promising otherwise.
 */
export const DISCLOSURE_THRESHOLD = 5;

/** The label of every hidden figure. */
export const HIDDEN_LABEL = 'skjult';

/** One sentence for reports and screens: what the label means. */
export const DISCLOSURE_RULE_TEXT =
  `Tall om personer som bygger på færre enn ${DISCLOSURE_THRESHOLD}, vises som «${HIDDEN_LABEL}». ` +
  `Der et skjult tall ellers kunne regnes ut fra summer eller snitt, skjules også andre tall i samme rad eller kolonne. ` +
  `Snitt og median vises bare når de bygger på minst ${DISCLOSURE_THRESHOLD}.`;

/** The exception, said where the report prints small case counts. */
export const CASE_COUNT_EXCEPTION_TEXT =
  'Unntak: antall saker per kommune vises også når det er under 5, fordi kostnadsfordelingen mellom kommunene bygger på dem.';

/** A figure as published: the number, or the fact that it is hidden. */
export type PublishedCount = { kind: 'count'; value: number } | { kind: 'suppressed'; label: typeof HIDDEN_LABEL };

export const HIDDEN: PublishedCount = { kind: 'suppressed', label: HIDDEN_LABEL };

/** 1–4: small enough to point at a person. Zero is shown (nobody to point at). */
export function isSmall(count: number): boolean {
  return count > 0 && count < DISCLOSURE_THRESHOLD;
}

/** A count with no published neighbours it could be worked out from (a table's lone figure). */
export function publishCount(value: number): PublishedCount {
  return isSmall(value) ? HIDDEN : { kind: 'count', value };
}

/**
 * A mean, median or share: shown only when built from at least 5 people (`basis`), and not when the row it
 * describes has a hidden cell. `null` in, `null` out (nothing to show, e.g. nobody answered).
 */
export function publishStatistic(value: number | null, basis: number, rowHasHidden = false): PublishedCount | null {
  if (value === null || basis === 0) return null;
  return basis < DISCLOSURE_THRESHOLD || rowHasHidden ? HIDDEN : { kind: 'count', value };
}

/** Text for a table cell or a document: the number in Norwegian format, or the label. */
export function publishedText(count: PublishedCount, format: (n: number) => string = String): string {
  return count.kind === 'suppressed' ? count.label : format(count.value);
}

export interface TableToProtect {
  /** Counts, rows × columns. */
  cells: readonly (readonly number[])[];
  /** A total is published for every row. */
  rowTotals: boolean;
  /** A total is published for every column (and, with `rowTotals`, the grand total). */
  columnTotals: boolean;
}

export interface ProtectedTable {
  hidden: boolean[][];
  /** Per row; all false when the table has no row totals. */
  rowTotalHidden: boolean[];
  columnTotalHidden: boolean[];
  grandTotalHidden: boolean;
}

interface Line {
  cells: [number, number][];
  total: [number, number];
}

/**
 * The table with its totals as one (rows+1) × (columns+1) grid, and the lines whose sums are published:
 * each row with its total, each column with its total, and the totals row/column with the grand total.
 */
function grid(table: TableToProtect): { values: number[][]; present: boolean[][]; lines: Line[] } {
  const rows = table.cells.length;
  const cols = table.cells[0]?.length ?? 0;
  const values = Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: cols + 1 }, (_, c) => (r < rows && c < cols ? table.cells[r]![c]! : 0)));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      values[r]![cols]! += values[r]![c]!;
      values[rows]![c]! += values[r]![c]!;
      values[rows]![cols]! += values[r]![c]!;
    }
  const present = values.map((row, r) =>
    row.map(
      (_, c) =>
        (r < rows && c < cols) ||
        (c === cols && r < rows && table.rowTotals) ||
        (r === rows && c < cols && table.columnTotals) ||
        (r === rows && c === cols && table.rowTotals && table.columnTotals),
    ),
  );
  const lines: Line[] = [];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  if (table.rowTotals) for (const r of range(rows)) lines.push({ cells: range(cols).map((c) => [r, c]), total: [r, cols] });
  if (table.columnTotals) for (const c of range(cols)) lines.push({ cells: range(rows).map((r) => [r, c]), total: [rows, c] });
  if (table.rowTotals && table.columnTotals) {
    lines.push({ cells: range(rows).map((r) => [r, cols]), total: [rows, cols] });
    lines.push({ cells: range(cols).map((c) => [rows, c]), total: [rows, cols] });
  }
  return { values, present, lines };
}

/**
 * A line is safe when no hidden entry in it follows from the others: with the total shown, two or more hidden
 * cells holding at least 5 together; with the total hidden, at least one hidden cell beside it (a hidden total
 * over shown cells is their sum).
 */
function repairLine(line: Line, values: number[][], hidden: boolean[][]): boolean {
  const hiddenCells = line.cells.filter(([r, c]) => hidden[r]![c]);
  const totalHidden = hidden[line.total[0]]![line.total[1]]!;
  if (hiddenCells.length === 0 && !totalHidden) return false;
  const safe = totalHidden
    ? hiddenCells.length >= 1
    : hiddenCells.length >= 2 && hiddenCells.reduce((s, [r, c]) => s + values[r]![c]!, 0) >= DISCLOSURE_THRESHOLD;
  if (safe) return false;
  const shown = line.cells.filter(([r, c]) => !hidden[r]![c]).sort(([r1, c1], [r2, c2]) => values[r1]![c1]! - values[r2]![c2]!);
  const next = shown[0] ?? line.total;
  if (hidden[next[0]]![next[1]]) return false;
  hidden[next[0]]![next[1]] = true;
  return true;
}

/** Which cells and totals to hide so that none of them can be worked out from what is shown. */
export function protectTable(table: TableToProtect): ProtectedTable {
  const rows = table.cells.length;
  const cols = table.cells[0]?.length ?? 0;
  const { values, present, lines } = grid(table);
  const hidden = values.map((row, r) => row.map((v, c) => present[r]![c]! && isSmall(v)));
  // A line of 1–4 people is hidden whole: zeros beside it would tell what all of them have in common.
  for (const line of lines) {
    const [tr, tc] = line.total;
    if (isSmall(values[tr]![tc]!)) for (const [r, c] of line.cells) hidden[r]![c] = present[r]![c]!;
  }
  // Each pass hides at least one more entry or stops, so this ends within (rows+1)×(columns+1) passes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) changed = repairLine(line, values, hidden) || changed;
  }
  return {
    hidden: hidden.slice(0, rows).map((row) => row.slice(0, cols)),
    rowTotalHidden: hidden.slice(0, rows).map((row) => table.rowTotals && row[cols]!),
    columnTotalHidden: hidden[rows]!.slice(0, cols).map((h) => table.columnTotals && h),
    grandTotalHidden: table.rowTotals && table.columnTotals && hidden[rows]![cols]!,
  };
}

/** One row of counts with its published total, e.g. better / same / worse for one life domain. */
export function publishRow<K extends string>(counts: Record<K, number>): { cells: Record<K, PublishedCount>; total: PublishedCount } {
  const keys = Object.keys(counts) as K[];
  const row = keys.map((k) => counts[k]);
  const result = protectTable({ cells: [row], rowTotals: true, columnTotals: false });
  const shown = (value: number, isHidden: boolean): PublishedCount => (isHidden ? HIDDEN : { kind: 'count', value });
  return {
    cells: Object.fromEntries(keys.map((k, i) => [k, shown(counts[k], result.hidden[0]![i]!)])) as Record<K, PublishedCount>,
    total: shown(
      row.reduce((s, n) => s + n, 0),
      result.rowTotalHidden[0]!,
    ),
  };
}
