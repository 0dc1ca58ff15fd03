import { formatCount } from '@shared/count';
import { first } from '../../db/query';
import type { DbContext } from '../context';
import { periodRange } from '../statistics/period';

/**
 * The team's old time sheet (the legacy 2020 sheet) did not say who was there, so an imported entry has no
 * participants and counts as hours but not as person-hours. Without a word, a reader of «Persontimer 0»
 * beside hundreds of hours takes it for a fault or for work nobody did; the note under the tables that show
 * person-hours says why. Null when every entry of the year names who was there.
 */
export async function importedWithoutPeopleNote(ctx: DbContext, year: number): Promise<string | null> {
  const { from, to } = periodRange({ year });
  const row = await first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('time_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'import')
      .where('participant_count', '=', 0)
      .where('entry_date', '>=', from)
      .where('entry_date', '<=', to),
  );
  const n = row?.n ?? 0;
  if (n === 0) return null;
  return `${formatCount(n, 'registrering')} i ${year} er importert fra timelisten, som ikke viser hvem i teamet som var med: de teller som timer, men ikke som persontimer.`;
}
