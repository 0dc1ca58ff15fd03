import type { TimeEntryDto } from '@shared/contract';
import { compareNorwegian } from '@shared/format';

/**
 * The week grid's lines: one per case × category (work without a case: per municipality × category,
 * since Felles and Andre kommuner are told apart by municipality). An entry on another municipality
 * than its case's keeps a line of its own, so its reason is never merged into the case's hours.
 */
export interface WeekRowKey {
  caseCode: string | null;
  municipalityId: number;
  categoryId: number;
}

export interface WeekRow extends WeekRowKey {
  key: string;
  /** The case code, or the municipality for work without a case. */
  caseLabel: string;
  /** Set when the line is on another municipality than its case's (with the reason from its entries). */
  municipalityNote: string | null;
  municipalityOverrideReason: string | null;
  categoryLabel: string;
  categoryNumber: number;
  /** Who a new entry on this line is for: the people of its latest entry, as the form's case staff would be. */
  participantIds: number[];
  /** Seven lists of entries, Monday first. */
  days: TimeEntryDto[][];
}

/** A line the member has added and not yet typed hours into: what the add-line form resolved. */
export interface NewWeekRow extends WeekRowKey {
  caseLabel: string;
  categoryLabel: string;
  categoryNumber: number;
  participantIds: number[];
}

export function weekRowKey(row: WeekRowKey): string {
  return `${row.caseCode ?? '-'}|${row.municipalityId}|${row.categoryId}`;
}

function emptyDays(): TimeEntryDto[][] {
  return Array.from({ length: 7 }, () => []);
}

/**
 * Groups a week's entries into lines (sorted by case, work without a case last, then by category;
 * a case's lines on another municipality after its own) and
 * appends the added lines that have no entries yet, in the order they were added.
 */
export function buildWeekRows(weekDates: readonly string[], entries: readonly TimeEntryDto[], added: readonly NewWeekRow[]): WeekRow[] {
  const rows = new Map<string, WeekRow>();
  // Latest first, so each line's participants and reason come from its most recent entry.
  const newestFirst = [...entries].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  for (const entry of newestFirst) {
    const day = weekDates.indexOf(entry.date);
    if (day < 0) continue;
    const key = weekRowKey({ caseCode: entry.caseCode, municipalityId: entry.municipalityId, categoryId: entry.categoryId });
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        caseCode: entry.caseCode,
        municipalityId: entry.municipalityId,
        categoryId: entry.categoryId,
        caseLabel: entry.caseCode ?? entry.municipalityName,
        municipalityNote: entry.caseCode && entry.municipalityOverrideReason ? entry.municipalityName : null,
        municipalityOverrideReason: entry.municipalityOverrideReason,
        categoryLabel: `${entry.categoryNumber} ${entry.categoryName}`,
        categoryNumber: entry.categoryNumber,
        participantIds: entry.participants.map((p) => p.id),
        days: emptyDays(),
      };
      rows.set(key, row);
    }
    row.days[day]!.unshift(entry);
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      Number(a.caseCode === null) - Number(b.caseCode === null) ||
      compareNorwegian(a.caseLabel, b.caseLabel) ||
      // A case's hours on its own municipality before those moved to another one.
      Number(a.municipalityNote !== null) - Number(b.municipalityNote !== null) ||
      a.categoryNumber - b.categoryNumber ||
      a.key.localeCompare(b.key),
  );
  for (const line of added) {
    const key = weekRowKey(line);
    if (rows.has(key) || sorted.some((r) => r.key === key)) continue;
    sorted.push({ ...line, key, municipalityNote: null, municipalityOverrideReason: null, days: emptyDays() });
  }
  return sorted;
}

export function minutesOf(entries: readonly TimeEntryDto[]): number {
  return entries.reduce((sum, e) => sum + e.minutes, 0);
}
