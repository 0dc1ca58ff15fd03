import { MAX_MINUTES_PER_DAY } from '@shared/hours';
import type { CategoryKey } from './profile';

export interface PlannedEntry {
  date: string;
  caseCode: string | null;
  municipalityId: number;
  categoryId: number;
  /** Whole and half hours. */
  hours: number;
  /** The first participant logs the entry. */
  participantIds: number[];
}

/** Ids the generator needs, looked up by name in the database it writes to. */
export interface DemoReferences {
  categoryIds: Record<CategoryKey, number>;
  otherMunicipalitiesId: number;
  sharedWorkId: number;
}

export interface DemoTeam {
  therapistIds: readonly number[];
  /** The therapist who logs Erfaringskonsulent time. */
  peerSupportId: number | null;
}

/** A long working day; the generator plans nobody past it, except for a night away. */
const WORKDAY_LIMIT_MINUTES = 10 * 60;

/**
 * The entries of one day, keeping each person's total for the day, so the demo never asks the service
 * for more than a person can work (the service refuses more than 24 hours anyway).
 */
export class DayPlan {
  readonly entries: PlannedEntry[] = [];
  private readonly minutesByPerson = new Map<number, number>();

  constructor(readonly date: string) {}

  /** Adds the entry for those participants who still have room; returns who took part, or null. */
  add(entry: Omit<PlannedEntry, 'date'>, options: { overnight?: boolean } = {}): number[] | null {
    const limit = options.overnight ? MAX_MINUTES_PER_DAY : WORKDAY_LIMIT_MINUTES;
    const minutes = Math.round(entry.hours * 60);
    const participantIds = entry.participantIds.filter((id) => (this.minutesByPerson.get(id) ?? 0) + minutes <= limit);
    if (participantIds.length === 0) return null;
    for (const id of participantIds) this.minutesByPerson.set(id, (this.minutesByPerson.get(id) ?? 0) + minutes);
    this.entries.push({ ...entry, date: this.date, participantIds });
    return participantIds;
  }
}
