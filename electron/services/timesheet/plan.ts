import { formatCaseCode, parseCaseCode } from '@shared/caseCode';
import { addDays, isoDateInOslo } from '@shared/dates';
import type { ImportRejectionDto, ImportSheetDto } from '@shared/contract/timesheet';
import type { ServiceContext } from '../context';
import { categoryMatcher, municipalityMatcher } from './matchValues';
import { cellText, readDate, readMinutes, type Read } from './rowValues';
import { cellsAt } from './packedRows';
import { dateSpan, importedKeysOnDatesOf } from './importedKeys';
import { remembered } from './remembered';
import { rowContent, rowKey } from './rowKey';
import { importRowRefusals, type EntryCase } from '../timeEntries/entryRules';
import type { ParsedWorkbook, RawCells } from './types';

/** As for entries typed in the app: planned driving or an overnight stay may be logged a few days ahead. */
const MAX_DAYS_AHEAD = 7;

/**
 * A row that would be imported: only what the write needs, so 100,000 of them stay small (no position in
 * the file, no key text: the write builds each row's key from its content with rowKey.ts when it needs it).
 */
export interface PlannedRow {
  date: string;
  caseCode: string | null;
  municipalityId: number;
  categoryId: number;
  minutes: number;
  /** Which of the file's identical rows this is (1, 2, …); with the content, the row's key (rowKey.ts). */
  occurrence: number;
}

export interface NewCase {
  code: string;
  municipalityId: number;
  year: number;
  runningNumber: number;
}

export interface ImportPlan {
  sheets: ImportSheetDto[];
  rowsRead: number;
  accepted: PlannedRow[];
  duplicates: number;
  /** Rows equal to an entry already in the log; left out of `accepted` unless the user chose to include them. */
  existing: number;
  rejected: ImportRejectionDto[];
  newCases: NewCase[];
}

interface Reference {
  municipality: (text: string) => number | undefined;
  category: (value: string | number) => number | undefined;
  latestDate: string;
  /** A row's case as the entry rules see it: the stored case, or the one the import would create. */
  entryCase: (code: string, municipalityId: number) => EntryCase;
  memberMunicipalities: Set<number>;
  /** One text per distinct date, shared by its rows: a sheet spans a few hundred days, not 100,000. */
  date: (iso: string) => string;
  /** A date written as text, read once per spelling. */
  textDate: (text: string) => Read<string>;
  /** A case cell's text, read once per spelling: the code's parse upper-cases by locale, slow per row. */
  caseCell: (text: string) => CaseCell;
}

/** What a case cell says: the case's code and municipality (and the case to create when it is new), or why not. */
type CaseCell = { ok: true; code: string; municipalityId: number; newCase?: NewCase } | { ok: false; reason: string };

function readCaseCell(text: string, municipalityByCode: ReadonlyMap<string, number>, caseCodes: ReadonlySet<string>): CaseCell {
  const parts = parseCaseCode(text);
  if (!parts) return { ok: false, reason: 'Sakskoden er ikke på formen NN/ÅÅ-XX' };
  const code = formatCaseCode(parts);
  const municipalityId = municipalityByCode.get(parts.municipalityCode);
  if (municipalityId === undefined) return { ok: false, reason: 'Sakskoden har en ukjent kommunekode' };
  if (caseCodes.has(code)) return { ok: true, code, municipalityId };
  return { ok: true, code, municipalityId, newCase: { code, municipalityId, year: parts.year, runningNumber: parts.runningNumber } };
}

function loadReference(ctx: ServiceContext): Reference {
  const sqlite = ctx.db.sqlite;
  const municipalities = sqlite.prepare('select id, name, code, kind from municipalities').all() as {
    id: number;
    name: string;
    code: string | null;
    kind: string;
  }[];
  const categories = sqlite.prepare('select id, name, number from categories').all() as { id: number; name: string; number: number }[];
  const caseCodes = new Set(sqlite.prepare('select code from cases').pluck().all() as string[]);
  const municipalityByCode = new Map(municipalities.filter((m) => m.code).map((m) => [m.code!, m.id]));
  return {
    municipality: remembered(municipalityMatcher(municipalities)),
    category: remembered(categoryMatcher(categories)),
    latestDate: addDays(isoDateInOslo(ctx.clock.now()), MAX_DAYS_AHEAD),
    entryCase: entryCases(ctx, municipalities),
    memberMunicipalities: new Set(municipalities.filter((m) => m.kind === 'member').map((m) => m.id)),
    date: remembered((iso: string) => iso),
    textDate: remembered((text: string) => readDate(text)),
    caseCell: remembered((text: string) => readCaseCell(text, municipalityByCode, caseCodes)),
  };
}

function entryCases(ctx: ServiceContext, municipalities: { id: number; name: string }[]): Reference['entryCase'] {
  const names = new Map(municipalities.map((m) => [m.id, m.name]));
  const stored = ctx.db.sqlite.prepare('select code, municipality_id as municipalityId, referral_date as referralDate from cases').all() as {
    code: string;
    municipalityId: number;
    referralDate: string | null;
  }[];
  const cases = new Map(stored.map((c) => [c.code, { ...c, municipalityName: names.get(c.municipalityId) ?? '' }]));
  return (code, municipalityId) => cases.get(code) ?? { municipalityId, municipalityName: names.get(municipalityId) ?? '', referralDate: null };
}

type RowOutcome = { ok: true; row: PlannedRow; newCase?: NewCase } | { ok: false; reason: string };

function planRow(ref: Reference, cells: RawCells): RowOutcome {
  const [sak, dato, kommune, hendelse, tidsbruk] = cells;
  const reasons: string[] = [];
  const date = typeof dato === 'string' ? ref.textDate(dato) : readDate(dato);
  if (!date.ok) reasons.push(date.reason);
  else if (date.value > ref.latestDate) reasons.push('Dato er mer enn en uke fram i tid');

  let caseCode: string | null = null;
  let newCase: NewCase | undefined;
  let caseMunicipality: number | undefined;
  const caseText = cellText(sak);
  if (caseText !== '') {
    const cell = ref.caseCell(caseText);
    if (!cell.ok) reasons.push(cell.reason);
    else ({ code: caseCode, municipalityId: caseMunicipality, newCase } = cell);
  }

  const municipalityText = cellText(kommune);
  const municipalityId = municipalityText === '' ? undefined : ref.municipality(municipalityText);
  if (municipalityText === '') reasons.push('Kommune mangler');
  else if (municipalityId === undefined) reasons.push('Ukjent kommune');

  const categoryValue = typeof hendelse === 'number' ? hendelse : cellText(hendelse);
  const categoryId = categoryValue === '' ? undefined : ref.category(categoryValue);
  if (categoryValue === '') reasons.push('Hendelse mangler');
  else if (categoryId === undefined) reasons.push('Ukjent hendelse');

  const minutes = readMinutes(tidsbruk);
  if (!minutes.ok) reasons.push(minutes.reason);
  // The rules an entry typed in the app follows, where a row can be held to them (entryRules.ts).
  if (caseCode && caseMunicipality !== undefined && date.ok && municipalityId !== undefined && reasons.length === 0) {
    const municipality = { id: municipalityId, isMember: ref.memberMunicipalities.has(municipalityId) };
    reasons.push(...importRowRefusals(date.value, municipality, ref.entryCase(caseCode, caseMunicipality)));
  }

  if (reasons.length > 0 || !date.ok || !minutes.ok) return { ok: false, reason: reasons.join('; ') };
  return {
    ok: true,
    // The occurrence is counted by the caller; set here so every row has the same shape from the start.
    row: { date: ref.date(date.value), caseCode, municipalityId: municipalityId!, categoryId: categoryId!, minutes: minutes.value, occurrence: 0 },
    newCase,
  };
}

/** Which sheets take part: the chosen ones that have the headings, or every sheet that has them. */
export function chosenSheets(workbook: ParsedWorkbook, sheets: readonly string[] | undefined): Set<string> {
  const withHeader = workbook.sheets.filter((s) => s.hasHeader).map((s) => s.name);
  return new Set(sheets ? withHeader.filter((name) => sheets.includes(name)) : withHeader);
}

/** What the user chose in the preview: which sheets, and whether rows that «finnes allerede» go in anyway. */
export interface PlanChoice {
  sheets?: readonly string[] | undefined;
  includeExisting?: boolean | undefined;
}

/**
 * Checks every row of the chosen sheets against the database: what would be imported, what was imported
 * before (skipped), what equals an entry already in the log («finnes allerede», skipped unless chosen),
 * what is refused and why, and which cases would be created. Writes nothing.
 */
export function planImport(ctx: ServiceContext, workbook: ParsedWorkbook, choice: PlanChoice = {}): ImportPlan {
  const { sheets, includeExisting = false } = choice;
  const ref = loadReference(ctx);
  const chosen = chosenSheets(workbook, sheets);
  const occurrences = new Map<string, number>();
  const plan: ImportPlan = { sheets: [], rowsRead: 0, accepted: [], duplicates: 0, existing: 0, rejected: [], newCases: [] };
  // Side by side instead of an object per row: 100,000 rows are checked here.
  const candidates: PlannedRow[] = [];
  const contents: string[] = [];
  const candidateCases: (NewCase | undefined)[] = [];

  for (const sheet of workbook.sheets) {
    const selected = chosen.has(sheet.name);
    plan.sheets.push({ name: sheet.name, hasHeader: sheet.hasHeader, rowsRead: sheet.rows.count, selected });
    if (!selected) continue;
    for (let i = 0; i < sheet.rows.count; i++) {
      plan.rowsRead += 1;
      const outcome = planRow(ref, cellsAt(sheet.rows, i));
      if (!outcome.ok) {
        plan.rejected.push({ sheet: sheet.name, row: sheet.rows.rowNumbers[i]!, reason: outcome.reason });
        continue;
      }
      const { row } = outcome;
      const content = rowContent(row);
      row.occurrence = (occurrences.get(content) ?? 0) + 1;
      occurrences.set(content, row.occurrence);
      candidates.push(row);
      contents.push(content);
      candidateCases.push(outcome.newCase);
    }
  }
  occurrences.clear();

  const alreadyIn = existingKeys(ctx, contents, candidates);
  const inLog = entriesInLog(ctx, candidates);
  const newCases = new Map<string, NewCase>();
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i]!;
    if (alreadyIn.has(i)) {
      plan.duplicates += 1;
      continue;
    }
    // The n-th equal row of the file matches when the log holds at least n equal entries: a sheet with two
    // equal visits beside a log with one adds the second. Entries from earlier imports count as well, so
    // the n-th row imported before (skipped above) is one of those n.
    if (row.occurrence <= (inLog.get(contents[i]!) ?? 0)) {
      plan.existing += 1;
      if (!includeExisting) continue;
    }
    const newCase = candidateCases[i];
    if (newCase && !newCases.has(newCase.code)) newCases.set(newCase.code, newCase);
    plan.accepted.push(row);
  }
  plan.newCases = [...newCases.values()];
  return plan;
}

/**
 * How many entries the log holds per content (date|case|municipality|category|minutes), over the dates
 * the file spans: one grouped range scan on the date index instead of a query per row.
 */
function entriesInLog(ctx: ServiceContext, rows: readonly PlannedRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  const span = dateSpan(rows);
  if (!span) return counts;
  const inLog = ctx.db.sqlite
    .prepare(
      `select t.entry_date || '|' || coalesce(c.code, '') || '|' || t.municipality_id || '|' || t.category_id || '|' || t.minutes as content, count(*) as n
         from time_entries t left join cases c on c.id = t.case_id
        where t.entry_date between ? and ?
        group by content`,
    )
    .raw()
    .all(span.first, span.last) as [string, number][];
  for (const [content, n] of inLog) counts.set(content, n);
  return counts;
}

/** Which candidates (by index) were imported before. Their keys are built only when the file's dates hold any. */
function existingKeys(ctx: ServiceContext, contents: readonly string[], rows: readonly PlannedRow[]): Set<number> {
  const keyAt = (i: number) => rowKey(contents[i]!, rows[i]!.occurrence);
  const imported = importedKeysOnDatesOf(ctx.db.sqlite, rows, () => new Set(rows.map((_, i) => keyAt(i))));
  const found = new Set<number>();
  if (imported.size === 0) return found;
  for (let i = 0; i < rows.length; i++) if (imported.has(keyAt(i))) found.add(i);
  return found;
}
