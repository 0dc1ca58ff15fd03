import { isSuppressed, publishCount, SMALL_NUMBER_LABEL, type PublishedCount } from './smallNumbers';

/**
 * A row of counts with its total, published under the small-number rule so that no hidden cell can be
 * worked out from what is shown:
 *
 * - a total of 1–4 hides the whole row (every cell is then below 5 as well);
 * - with two or more cells hidden, the reader learns only their sum (total minus the shown cells), never
 *   one of them;
 * - with exactly one cell hidden, total minus the others would give it back. A second cell is then hidden
 *   too if one is honestly «færre enn 5» (a zero); failing that the total is withheld (`null`) instead.
 *
 * There are no column totals to protect: the rows are life domains, and one case is counted in every
 * domain it was rated in, so a sum down a column is not a count of cases and is never published.
 */
export interface PublishedRow<K extends string> {
  cells: Record<K, PublishedCount>;
  /** null: withheld, because showing it would reveal the single hidden cell. */
  total: PublishedCount | null;
}

export function publishRow<K extends string>(counts: Record<K, number>): PublishedRow<K> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const hidden = new Set(keys.filter((k) => isSuppressed(total) || isSuppressed(counts[k])));
  let totalShown = true;
  if (hidden.size === 1) {
    const zero = keys.find((k) => !hidden.has(k) && counts[k] === 0);
    if (zero !== undefined) hidden.add(zero);
    else totalShown = false;
  }
  const suppressed: PublishedCount = { kind: 'suppressed', label: SMALL_NUMBER_LABEL };
  const cells = Object.fromEntries(keys.map((k) => [k, hidden.has(k) ? suppressed : publishCount(counts[k])])) as Record<K, PublishedCount>;
  return { cells, total: totalShown ? publishCount(total) : null };
}
