import type pg from 'pg';
import { openDatabase } from '../../open';
import { SHARED_TABLES } from '../teamSchema';
import { CopyToServerError } from './copyError';
import { TableDigest } from './rowDigest';
import { serverSelect, sqliteSelect } from './tableCopy';
import { quoteIdent, type TablePlan } from './tablePlan';

/**
 * What the migrations alone put in a new server database: the shared reference tables (municipalities,
 * categories), read from a new SQLite database in memory, since both engines seed them through the same
 * functions (no hand-kept list to drift). Every other table belongs to a team, and a new database has no
 * team, so it is empty there (life domains and populations are made per team, by ettervern_create_team).
 */
async function seededContent(plans: readonly TablePlan[]): Promise<Map<string, { rows: number; digest: string }>> {
  const fresh = await openDatabase(':memory:');
  try {
    const content = new Map<string, { rows: number; digest: string }>();
    for (const plan of plans) {
      const digest = new TableDigest();
      if (plan.name in SHARED_TABLES) for (const row of sqliteSelect(fresh.sqlite, plan).iterate() as IterableIterator<unknown[]>) digest.add(row);
      content.set(plan.name, { rows: digest.rows, digest: digest.finish() });
    }
    return content;
  } finally {
    fresh.close();
  }
}

/**
 * Runs `check` with row-level security lifted for the owner on the tables that force it, then forces it
 * again: a check of what the database holds must see every team's rows, and forced RLS shows the owner
 * only the team its session names (none, before the copy made one). ALTER TABLE is the owner's right and is
 * transactional, so no other session sees the tables unforced; a superuser passes RLS anyway.
 */
async function withEveryTeamVisible<T>(client: pg.ClientBase, check: () => Promise<T>): Promise<T> {
  const forced = await client.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relforcerowsecurity order by relname`,
  );
  for (const { name } of forced.rows) await client.query(`alter table ${quoteIdent(name)} no force row level security`);
  const result = await check();
  for (const { name } of forced.rows) await client.query(`alter table ${quoteIdent(name)} force row level security`);
  return result;
}

/**
 * Refuses a server database that holds a team (any team: the file's ids are copied as they are and the
 * audit chain's hashes include them, so the file can only become the first team of a new database), or
 * anything beyond what its migrations seeded: a row in any team table, or a seeded row someone changed.
 * Returns the tables whose seeded rows the copy replaces with the file's own (the file's municipalities
 * and categories are the ones its entries point to). Reads at most one row more than the seed per table,
 * so a large database in use is refused at once.
 */
export async function refuseUnlessPristine(client: pg.ClientBase, plans: readonly TablePlan[]): Promise<TablePlan[]> {
  const seeded = await seededContent(plans);
  return withEveryTeamVisible(client, async () => {
    const teams = await client.query<{ found: boolean }>('select exists (select from teams) as found');
    if (teams.rows[0]!.found) {
      throw new CopyToServerError(
        'Databasen på serveren har allerede et team. En databasefil kan bare flyttes til en ny database uten team, fordi filens id-er kopieres som de er og revisjonsloggen bygger på dem; ingenting er endret.',
      );
    }
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
  });
}
