import { DISCLOSURE_THRESHOLD, HIDDEN_LABEL } from '@shared/domain/disclosureControl';

/**
 * The disclosure-control rule checked on a report's tables as printed (rows of cell texts, the heading row
 * first), the way a reader of the document could work hidden figures out. The property tests in
 * tests/unit/disclosureControl.test.ts prove that a table obeying these conditions leaves no hidden count
 * determined by its shown cells, totals and means; this checks that the printed tables obey them:
 *
 * - a shown count of people is 0 or at least 5 (case counts per municipality are the stated exception);
 * - a line (a row, or a column when there is a «Totalsum» row) with hidden counts and a shown total hides at
 *   least two of them, and the total less the shown counts — what the hidden ones hold together — is at least 5;
 * - a line whose counts are all shown does not hide its total;
 * - a mean is shown only beside a shown total of at least 5 and no hidden count in its row;
 * - the median follow-up of «Saker per kommune» is shown only where at least 5 cases were closed.
 *
 * A «skjult» cell in a table the checker does not know the shape of is itself reported, so a new table with
 * hidden figures cannot slip past unchecked.
 */

/** The shapes of the report's tables with figures about people, told by their heading cells. */
interface Shape {
  name: string;
  matches: (header: readonly string[]) => boolean;
  /** Columns (by heading) holding counts of people that sum to `total`. */
  counts: (header: readonly string[]) => number[];
  total: (header: readonly string[]) => number;
  mean?: (header: readonly string[]) => number;
}

const at = (header: readonly string[], label: string) => header.indexOf(label);

const SHAPES: Shape[] = [
  {
    name: 'varig endring',
    matches: (h) => ['Bedre', 'Uendret', 'Verre', 'Vurdert begge ganger'].every((l) => h.includes(l)),
    counts: (h) => ['Bedre', 'Uendret', 'Verre'].map((l) => at(h, l)),
    total: (h) => at(h, 'Vurdert begge ganger'),
  },
  {
    name: 'brukerevaluering',
    matches: (h) => h.includes('Svarte') && h.includes('Snitt'),
    counts: (h) => h.flatMap((l, i) => (/^[1-5] /u.test(l) ? [i] : [])),
    total: (h) => at(h, 'Svarte'),
    mean: (h) => at(h, 'Snitt'),
  },
];

const CLOSED = 'Avsluttet';
const MEDIAN = 'Median varighet, start til avslutning';

/** «1 234,5» → 1234.5; null for an empty cell or a label. */
export function printedNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '').replace(',', '.');
  return compact === '' || Number.isNaN(Number(compact)) ? null : Number(compact);
}

const isHidden = (text: string) => text === HIDDEN_LABEL;

/** Rows under the heading rows: those with a label (a units row under grouped headings has none). */
function bodyRows(rows: readonly string[][]): string[][] {
  return rows.slice(1).filter((r) => (r[0] ?? '') !== '');
}

interface Line {
  name: string;
  counts: string[];
  total: string | undefined;
  mean?: string | undefined;
}

function lineProblems(line: Line): string[] {
  const problems: string[] = [];
  const hidden = line.counts.filter(isHidden).length;
  const shown = line.counts.filter((c) => !isHidden(c)).map((c) => printedNumber(c) ?? 0);
  for (const n of shown) if (n > 0 && n < DISCLOSURE_THRESHOLD) problems.push(`${line.name}: viser ${n}, under ${DISCLOSURE_THRESHOLD}`);
  const total = line.total === undefined || isHidden(line.total) ? null : printedNumber(line.total);
  if (total !== null && total > 0 && total < DISCLOSURE_THRESHOLD) problems.push(`${line.name}: viser summen ${total}, under ${DISCLOSURE_THRESHOLD}`);
  if (hidden > 0 && total !== null) {
    const held = total - shown.reduce((s, n) => s + n, 0);
    if (hidden < 2) problems.push(`${line.name}: ett skjult tall ved siden av summen ${total} kan regnes ut (${held})`);
    else if (held < DISCLOSURE_THRESHOLD) problems.push(`${line.name}: de skjulte tallene holder ${held} til sammen, under ${DISCLOSURE_THRESHOLD}`);
  }
  if (hidden === 0 && line.total !== undefined && isHidden(line.total)) problems.push(`${line.name}: skjult sum av viste tall`);
  if (line.mean !== undefined && printedNumber(line.mean) !== null && (hidden > 0 || total === null || total < DISCLOSURE_THRESHOLD)) {
    problems.push(`${line.name}: snittet ${line.mean} vises ved skjulte tall eller under ${DISCLOSURE_THRESHOLD} svar`);
  }
  return problems;
}

/** What a reader could work out of one printed table; empty when nothing. */
export function printedTableLeaks(rows: readonly string[][]): string[] {
  // «Bedre (saker)» is the column «Bedre»: the unit in brackets is the printed heading's, not the label's.
  const header = (rows[0] ?? []).map((h) => h.replace(/ \([^()]*\)$/u, ''));
  const body = bodyRows(rows);
  const title = header.join(' | ');
  if (header.includes(MEDIAN) && header.includes(CLOSED)) {
    const closed = at(header, CLOSED);
    const median = at(header, MEDIAN);
    return body
      .filter((r) => printedNumber(r[median] ?? '') !== null && (printedNumber(r[closed] ?? '') ?? 0) < DISCLOSURE_THRESHOLD)
      .map((r) => `${r[0]}: medianen ${r[median]} bygger på ${r[closed]} avsluttede saker`);
  }
  const shape = SHAPES.find((s) => s.matches(header));
  if (!shape) {
    return body.some((r) => r.some(isHidden)) ? [`${title}: skjulte tall i en tabell uten kjent form`] : [];
  }
  const counts = shape.counts(header);
  const total = shape.total(header);
  const mean = shape.mean?.(header);
  const totalRow = body.find((r) => r[0] === 'Totalsum');
  const lines: Line[] = body
    .filter((r) => r !== totalRow)
    .map((r) => ({ name: `${shape.name} «${r[0]}»`, counts: counts.map((c) => r[c] ?? ''), total: r[total], mean: mean === undefined ? undefined : r[mean] }));
  if (totalRow) {
    const parts = body.filter((r) => r !== totalRow);
    for (const c of [...counts, total]) lines.push({ name: `${shape.name} kolonne «${header[c]}»`, counts: parts.map((r) => r[c] ?? ''), total: totalRow[c] });
  }
  return lines.flatMap(lineProblems);
}

/** Every leak in a document's tables, each named by its table's heading cells. */
export function printedReportLeaks(tables: readonly string[][][]): string[] {
  return tables.flatMap((rows) => printedTableLeaks(rows));
}
