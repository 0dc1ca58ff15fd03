import { createDispatcher } from '../../electron/services/dispatcher';
import { fixedClock } from '../../electron/services/context';
import { categoryId, municipalityId, type TestDatabase } from './testDatabase';

export interface EntryToLog {
  date: string;
  municipality: string;
  /** The category's number as the team numbers them. */
  category: number;
  minutes: number;
  participantIds: number[];
  caseCode?: string | null;
}

/**
 * Logs an entry through the real channel, with «now» just after its date so that no entry counts as
 * dated in the future. Returns the new entry's id.
 */
export async function logEntry(t: TestDatabase, e: EntryToLog): Promise<number> {
  const at = createDispatcher({ db: t.db, clock: fixedClock(`${e.date}T12:00:00Z`), session: t.dispatcher.session });
  const result = await at.dispatchAsync('time-entries:create', {
    date: e.date,
    municipalityId: municipalityId(t, e.municipality),
    categoryId: categoryId(t, e.category),
    hours: e.minutes / 60,
    caseCode: e.caseCode ?? null,
    participantIds: e.participantIds,
  });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: number }).id;
}
