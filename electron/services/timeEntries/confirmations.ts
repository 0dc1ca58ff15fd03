import { sql } from 'kysely';
import { first } from '../../db/query';
import { isoDateInOslo } from '@shared/dates';
import { formatHoursWithUnit, formatNorwegianDate } from '@shared/format';
import type { Clock, DbContext } from '../context';
import { ServiceError } from '../errors/serviceError';

/**
 * Entries that are likely mistakes but may be right: the same visit logged twice, a date more than a
 * year back (a typo in the year, or 1999 from a date field left alone). Nothing is saved; the caller gets
 * a `needs_confirmation` refusal naming the flag that answers each question, and saves again with it set.
 */

interface EntryFacts {
  entryDate: string;
  caseId: number | null;
  categoryId: number;
  minutes: number;
  participantIds: number[];
}

interface Confirmed {
  confirmDuplicate?: boolean | undefined;
  confirmOldDate?: boolean | undefined;
}

/** The same calendar day a year earlier (29 February becomes 28 February). */
function oneYearBefore(isoDate: string): string {
  const [year, rest] = [Number(isoDate.slice(0, 4)), isoDate.slice(4)];
  return `${year - 1}${rest === '-02-29' ? '-02-28' : rest}`;
}

/**
 * An entry on the same date, case (or none), category and duration that one of the same people took
 * part in: two members logging the same visit for both of them is double counting too.
 */
async function hasLikelyDuplicate(ctx: DbContext, entry: EntryFacts, ignoreEntryId: number | null): Promise<boolean> {
  const query = ctx.db.kysely
    .selectFrom('time_entries as t')
    .innerJoin('time_entry_participants as p', 'p.time_entry_id', 't.id')
    .select('t.id')
    .where('t.entry_date', '=', entry.entryDate)
    .where('t.case_id', 'is', entry.caseId)
    .where('t.category_id', '=', entry.categoryId)
    // The unary + keeps SQLite off the (case_id, minutes) index, which it otherwise prefers without
    // statistics: on 1M entries that index walks every entry of the case with that duration (61 ms for
    // entries without a case), where (case_id, entry_date) finds the day's few at once (0.03 ms).
    .where(sql<number>`+${sql.ref('t.minutes')}`, '=', entry.minutes)
    .where('t.id', '!=', ignoreEntryId ?? -1)
    .where('p.team_member_id', 'in', entry.participantIds)
    .limit(1);
  return (await first(ctx.db, query)) !== undefined;
}

export async function requireConfirmed(
  ctx: DbContext & { clock: Clock },
  entry: EntryFacts,
  confirmed: Confirmed,
  ignoreEntryId: number | null,
  check: { date: boolean; duplicate: boolean } = { date: true, duplicate: true },
): Promise<void> {
  const questions: Record<string, string> = {};
  const date = formatNorwegianDate(entry.entryDate);
  if (check.date && !confirmed.confirmOldDate && entry.entryDate < oneYearBefore(isoDateInOslo(ctx.clock.now()))) {
    questions.confirmOldDate = `Datoen ${date} er mer enn ett år tilbake. Er datoen riktig?`;
  }
  if (check.duplicate && !confirmed.confirmDuplicate && (await hasLikelyDuplicate(ctx, entry, ignoreEntryId))) {
    questions.confirmDuplicate = `Det finnes allerede en registrering ${date} med samme sak, hendelse og tidsbruk (${formatHoursWithUnit(entry.minutes)}) for de samme deltakerne. Er dette en ny registrering?`;
  }
  const asked = Object.values(questions);
  if (asked.length > 0) throw new ServiceError('needs_confirmation', asked.join(' '), questions);
}
