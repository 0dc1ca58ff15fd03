import type pg from 'pg';
import { openDatabase } from '../../open';
import { CopyToServerError } from './copyError';
import { TableDigest } from './rowDigest';
import { serverSelect, sqliteSelect } from './tableCopy';
import type { TablePlan } from './tablePlan';

/**
 * What the migrations alone put in a new database (municipalities, categories, life domains, populations), per
 * table, read from a new SQLite database in memory: both engines seed through the same functions, so this
 * is also what a server database holds before anyone used it. No hand-kept list of seeded tables to drift.
 */
async function seededContent(plans: readonly TablePlan[]): Promise<Map<string, { rows: number; digest: string }>> {
  const fresh = await openDatabase(':memory:');
  try {
    const content = new Map<string, { rows: number; digest: string }>();
    for (const plan of plans) {
      const digest = new TableDigest();
      for (const row of sqliteSelect(fresh.sqlite, plan).iterate() as IterableIterator<unknown[]>) digest.add(row);
      content.set(plan.name, { rows: digest.rows, digest: digest.finish() });
    }
    return content;
  } finally {
    fresh.close();
  }
}

/**
 * Refuses a server database that holds anything beyond what its migrations seeded: cases, members, entries,
 * audit rows, or a seeded row someone changed. The move never merges into or overwrites a database in use.
 * Returns the tables whose seeded rows the copy replaces with the file's own (the file's municipalities
 * and categories are the ones its entries point to). Reads at most one row more than the seed per table,
 * so a large database in use is refused at once.
 */
export async function refuseUnlessPristine(client: pg.ClientBase, plans: readonly TablePlan[]): Promise<TablePlan[]> {
  const seeded = await seededContent(plans);
  const replaced: TablePlan[] = [];
  for (const plan of plans) {
    const expected = seeded.get(plan.name)!;
    const result = await client.query<unknown[]>({ text: serverSelect(plan, expected.rows + 1), rowMode: 'array' });
    const digest = new TableDigest();
    for (const row of result.rows) digest.add(row);
    if (digest.rows !== expected.rows || digest.finish() !== expected.digest) {
      throw new CopyToServerError(
        `Databasen på serveren er allerede i bruk (tabellen ${plan.name} har data). Flytt bare til en ny, tom database; ingenting er endret.`,
      );
    }
    if (expected.rows > 0) replaced.push(plan);
  }
  return replaced;
}
