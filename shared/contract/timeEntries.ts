import { z } from '../validation/zodNorwegian';
import { idSchema, isoDateSchema, sortDirectionSchema, versionedIdInput, versionField, type FileDto } from './common';
import { mutationChannel, queryChannel } from './channel';
import { HOURS_MESSAGES, parseHours } from '../hours';

export interface TimeEntryDto {
  id: number;
  date: string;
  caseId: number | null;
  caseCode: string | null;
  municipalityId: number;
  municipalityName: string;
  categoryId: number;
  categoryNumber: number;
  categoryName: string;
  minutes: number;
  participants: { id: number; initials: string }[];
  /** Why the entry is on another municipality than its case's; null when it follows the case (migration 0016). */
  municipalityOverrideReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** What an edit or delete sends back (migration 0013). */
  version: number;
}

export interface TimeTotalsDto {
  /** Clock hours, as minutes. */
  minutes: number;
  /** Clock hours × people who took part, as minutes. */
  personMinutes: number;
  entries: number;
}

export interface TimeEntryPageDto {
  rows: TimeEntryDto[];
  total: number;
  page: number;
  pageSize: number;
  totals: TimeTotalsDto;
}

/** Hours as typed («1,5», «1.5», «1½») or as a number; becomes whole minutes. */
export const hoursSchema = z
  .union([z.number(), z.string().max(10)], {
    error: (issue) => (issue.input === undefined ? 'Tidsbruk mangler' : HOURS_MESSAGES.notANumber),
  })
  .transform((value, ctx) => {
    const parsed = parseHours(value);
    if (!parsed.ok) {
      ctx.issues.push({ code: 'custom', message: parsed.message, input: value });
      return z.NEVER;
    }
    return parsed.minutes;
  });

export const timeEntryFields = {
  date: isoDateSchema,
  caseCode: z.string().trim().max(12).nullable().optional(),
  municipalityId: idSchema,
  categoryId: idSchema,
  hours: hoursSchema,
  participantIds: z.array(idSchema).max(8).optional(),
  /** Needed when the entry has a case and another municipality than the case's: why. */
  municipalityOverrideReason: z.string().trim().max(200).nullable().optional(),
  /** The member has seen the «looks like an entry you already have» question and saves anyway. */
  confirmDuplicate: z.boolean().optional(),
  /** The member has seen the «more than a year back» question and saves anyway. */
  confirmOldDate: z.boolean().optional(),
};

/**
 * What a `needs_confirmation` refusal asks: each key is the flag that, sent as true with the same input,
 * answers the question (the error's fieldErrors are keyed by these).
 */
export const ENTRY_CONFIRMATIONS = ['confirmDuplicate', 'confirmOldDate'] as const;
export type EntryConfirmation = (typeof ENTRY_CONFIRMATIONS)[number];

/**
 * The form sends `hours` as typed; once parsed the value is whole minutes, so the parsed input names it
 * `minutes`, the unit the services store.
 */
function hoursAsMinutes<Fields extends { hours: number }>({ hours, ...fields }: Fields): Omit<Fields, 'hours'> & { minutes: number } {
  return { ...fields, minutes: hours };
}

export const createTimeEntryInput = z.strictObject(timeEntryFields).transform(hoursAsMinutes);
export const updateTimeEntryInput = z.strictObject({ id: idSchema, ...versionField, ...timeEntryFields }).transform(hoursAsMinutes);

export const TIME_ENTRY_SORT_FIELDS = ['date', 'caseCode', 'municipality', 'category', 'minutes', 'createdAt'] as const;
export type TimeEntrySortField = (typeof TIME_ENTRY_SORT_FIELDS)[number];

export const timeEntryFilterSchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  caseCode: z.string().trim().max(12).optional(),
  municipalityId: idSchema.optional(),
  categoryId: idSchema.optional(),
  teamMemberId: idSchema.optional(),
});

export const listTimeEntriesInput = z
  .strictObject({
    page: z.number().int().min(0).max(1_000_000).default(0),
    pageSize: z.number().int().min(1).max(1000).default(100),
    sort: z.strictObject({ field: z.enum(TIME_ENTRY_SORT_FIELDS), direction: sortDirectionSchema }).default({ field: 'date', direction: 'desc' }),
    filter: timeEntryFilterSchema.default({}),
  })
  .refine((input) => !input.filter.from || !input.filter.to || input.filter.from <= input.filter.to, {
    message: 'Til dato kan ikke være før fra dato',
    path: ['filter', 'to'],
  });

export interface TimeWeekDto {
  teamMemberId: number;
  weekStart: string;
  /** Seven days, Monday first. */
  days: { date: string; minutes: number; entries: number }[];
  minutes: number;
}

/** A case as the entry row needs it: its municipality fills in, its staff become the participants. */
export interface CaseSuggestionDto {
  id: number;
  code: string;
  municipalityId: number;
  municipalityName: string;
  staffIds: number[];
}

export const weekInput = z.strictObject({ teamMemberId: idSchema, weekStart: isoDateSchema });
export const caseSuggestionsInput = z.strictObject({ search: z.string().trim().max(12).default(''), limit: z.number().int().min(1).max(50).default(20) });

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
/** A sheet can hold about a million rows; past that the old pivot tables could not read it anyway. */
export const MAX_EXPORT_ROWS = 1_000_000;

export const exportTimeEntriesInput = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  filter: timeEntryFilterSchema.default({}),
});

/** `time-entries:export` is a mutation because it is audited: who took which data out, and when. */
/**
 * An entry, the people who took part, and what triggers keep from them: the daily totals and the case's
 * logged minutes (a column of cases).
 */
const changesEntries = ['time_entries', 'time_entry_participants', 'time_totals_daily', 'cases', 'audit_log'] as const;

export const timeEntryChannels = {
  'time-entries:create': mutationChannel<TimeEntryDto>()(createTimeEntryInput, 'Registrer tidsbruk', changesEntries),
  'time-entries:update': mutationChannel<TimeEntryDto>()(updateTimeEntryInput, 'Endre en registrering', changesEntries),
  'time-entries:delete': mutationChannel<{ id: number }>()(versionedIdInput, 'Slett en registrering', [
    ...changesEntries,
    // An imported entry's key goes with it, so the row can be imported again.
    'timesheet_import_rows',
  ]),
  'time-entries:list': queryChannel<TimeEntryPageDto>()(listTimeEntriesInput, 'Registreringer med sidevisning, sortering og filter', [
    'time_entries',
    'time_entry_participants',
    'time_totals_daily',
    'cases',
    'municipalities',
    'categories',
    'team_members',
  ]),
  'time-entries:week': queryChannel<TimeWeekDto>()(weekInput, 'Ukevisning for et teammedlem med dagsummer', ['time_entries', 'time_entry_participants']),
  'time-entries:case-suggestions': queryChannel<CaseSuggestionDto[]>()(caseSuggestionsInput, 'Saker som passer en del av sakskoden', [
    'cases',
    'case_staff',
    'municipalities',
  ]),
  'time-entries:export': mutationChannel<FileDto>()(exportTimeEntriesInput, 'Eksporter registreringer til .xlsx eller .csv', ['audit_log']),
} as const;
