/** What makes two rows «the same»: date, case, municipality, category and time (plan.ts counts them). */
export interface RowContent {
  date: string;
  caseCode: string | null;
  municipalityId: number;
  categoryId: number;
  minutes: number;
}

/** The content as one text, as the log's own rows are grouped in plan.ts's `entriesInLog`. */
export function rowContent(row: RowContent): string {
  return `${row.date}|${row.caseCode ?? ''}|${row.municipalityId}|${row.categoryId}|${row.minutes}`;
}

/**
 * The key an imported row leaves in timesheet_import_rows: its content and which of the identical rows it
 * is. Built here only, by the plan and by the writing worker alike, so a key means the same everywhere.
 */
export function rowKey(content: string, occurrence: number): string {
  return `${content}#${occurrence}`;
}

/**
 * The range [from, to) of keys whose rows are dated first … last: a key begins with its ISO date and `|`,
 * and `}` is the character after `|`, so every key of the last date sorts below `to` and none of the next.
 */
export function keyRangeOfDates(first: string, last: string): [from: string, to: string] {
  return [`${first}|`, `${last}}`];
}
