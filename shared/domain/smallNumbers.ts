/**
 * The small-number rule for every published figure about people: a cell built from fewer than
 * `SMALL_NUMBER_THRESHOLD` cases (or answers) is never shown, because in a team of four serving nine small
 * municipalities a count of 1–4 can point at one person. Applied in the services, so the suppressed number
 * never leaves them; the renderer and the reports only ever see the label.
 */
export const SMALL_NUMBER_THRESHOLD = 5;

export const SMALL_NUMBER_LABEL = 'færre enn 5';

/** A count as published: the number, or the fact that it is too small to show. */
export type PublishedCount = { kind: 'count'; value: number } | { kind: 'suppressed'; label: typeof SMALL_NUMBER_LABEL };

/**
 * `basis` is how many cases/answers the cell is built from; usually the count itself, but for an average or a
 * share it is the number of contributors behind it.
 */
export function isSuppressed(basis: number): boolean {
  return basis > 0 && basis < SMALL_NUMBER_THRESHOLD;
}

export function publishCount(value: number, basis: number = value): PublishedCount {
  return isSuppressed(basis) ? { kind: 'suppressed', label: SMALL_NUMBER_LABEL } : { kind: 'count', value };
}

/** Text for a table cell or a document: the number in Norwegian format, or «færre enn 5». */
export function publishedText(count: PublishedCount, format: (n: number) => string = String): string {
  return count.kind === 'suppressed' ? count.label : format(count.value);
}
