/** One line of the benchmark table. `pass` is null for a figure shown for information only. */
export interface MeasureResult {
  measure: string;
  value: string;
  goal: string;
  pass: boolean | null;
}

/** A goal «at most `limit`»; `format` prints both sides the same way. */
export function atMost(measure: string, value: number, limit: number, format: (n: number) => string): MeasureResult {
  return { measure, value: format(value), goal: `≤ ${format(limit)}`, pass: value <= limit };
}

export function info(measure: string, value: string): MeasureResult {
  return { measure, value, goal: '–', pass: null };
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

export function formatTable(results: readonly MeasureResult[]): string {
  const rows = [['Måling', 'Verdi', 'Mål', 'Resultat'], ...results.map((r) => [r.measure, r.value, r.goal, r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL'])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => pad(cell, widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
