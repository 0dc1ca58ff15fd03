import type { Selectable, Updateable } from 'kysely';
import type { AppDatabase } from '../../db/open';
import type { DB } from '../../db/schema';

/**
 * What retention removes from a case once it is reduced to statistics. One rule per table: either
 * delete the case's rows, or clear some columns on them. What a rule may never touch is anything the
 * annual figures are made of (municipality, year, category, hours, participants, outcome counts): the
 * engine compares the figures before and after and refuses the whole run if any rule changed them.
 *
 * Adding a table that holds goals, notes, contacts or other case free text is adding an entry here;
 * a TEXT column retention keeps is listed, with the reason, in textColumns.ts. Tables and columns are
 * the schema's own names: the compiler refuses a rule naming anything else.
 */
type Table = keyof DB;

/** Columns of the table holding numbers (a case id among them). */
type NumberColumn<T extends Table> = { [C in keyof Selectable<DB[T]>]: NonNullable<Selectable<DB[T]>[C]> extends number ? C : never }[keyof Selectable<DB[T]>] &
  string;

/** Columns of the table that may be set to null. */
type ClearableColumn<T extends Table> = { [C in keyof Updateable<DB[T]>]-?: null extends Updateable<DB[T]>[C] ? C : never }[keyof Updateable<DB[T]>] & string;

interface RuleFor<T extends Table> {
  /** Stable key, written to the audit row's field list. */
  key: T | `${T}.${string}`;
  /** Norwegian, for the preview: what goes. */
  label: string;
  table: T;
  /** The column holding the case id (`id` for the cases table itself). */
  caseIdColumn: NumberColumn<T>;
  action: { kind: 'delete' } | { kind: 'clear'; columns: readonly ClearableColumn<T>[] };
}

export type ReductionRule = { [T in Table]: RuleFor<T> }[Table];

export const REDUCTION_RULES: readonly ReductionRule[] = [
  {
    key: 'cases.closure_note',
    label: 'Avslutningsnotat (fritekst)',
    table: 'cases',
    caseIdColumn: 'id',
    action: { kind: 'clear', columns: ['closure_note'] },
  },
  {
    key: 'cases.free_text',
    label: 'Institusjonens navn, tjenesten som overtok, henvisningsgrunnen og teamets vurdering (fritekst)',
    table: 'cases',
    caseIdColumn: 'id',
    action: { kind: 'clear', columns: ['institution_name', 'takeover_service', 'referral_reason', 'team_assessment'] },
  },
  {
    key: 'case_goals',
    label: 'Mål fra startsamtalen (fritekst)',
    table: 'case_goals',
    caseIdColumn: 'case_id',
    action: { kind: 'delete' },
  },
  {
    // The levels stay: they are how the team shows lasting change in the annual figures.
    key: 'case_domain_ratings.note',
    label: 'Merknader til livsområdene (fritekst)',
    table: 'case_domain_ratings',
    caseIdColumn: 'case_id',
    action: { kind: 'clear', columns: ['note'] },
  },
  {
    key: 'case_contacts',
    label: 'Koblinger til samarbeidspartnere',
    table: 'case_contacts',
    caseIdColumn: 'case_id',
    action: { kind: 'delete' },
  },
  {
    // The scale answers stay: they are the yearly evaluation summary.
    key: 'evaluation_answers.text',
    label: 'Brukerens egne ord på evalueringsskjemaet (fritekst)',
    table: 'evaluation_answers',
    caseIdColumn: 'case_id',
    action: { kind: 'clear', columns: ['text_value'] },
  },
  {
    // The hours stay on the municipality they were logged on; only the member's own words go.
    key: 'time_entries.municipality_override_reason',
    label: 'Begrunnelse for annen kommune enn sakens (fritekst)',
    table: 'time_entries',
    caseIdColumn: 'case_id',
    action: { kind: 'clear', columns: ['municipality_override_reason'] },
  },
  {
    // Why the three-month contact was not held stays: it is counted in the case figures.
    key: 'after_contact_not_possible.note',
    label: 'Merknad til etteroppfølgingen som ikke var mulig (fritekst)',
    table: 'after_contact_not_possible',
    caseIdColumn: 'case_id',
    action: { kind: 'clear', columns: ['note'] },
  },
  {
    key: 'case_staff',
    label: 'Hvilke teammedlemmer som fulgte opp saken',
    table: 'case_staff',
    caseIdColumn: 'case_id',
    action: { kind: 'delete' },
  },
];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Rules are code, not input, but their names go into SQL text: refuse anything that is not a plain identifier. */
function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid identifier in reduction rule: ${name}`);
  return `"${name}"`;
}

function whereCases(rule: ReductionRule): string {
  return `${identifier(rule.caseIdColumn)} in (select value from json_each(?))`;
}

function clearedColumns(rule: ReductionRule): string[] {
  return rule.action.kind === 'clear' ? rule.action.columns.map(identifier) : [];
}

/** How many rows the rule would delete or clear for these cases. */
export function countRule(db: AppDatabase, rule: ReductionRule, caseIds: readonly number[]): number {
  const columns = clearedColumns(rule);
  const notEmpty = columns.length > 0 ? ` and (${columns.map((c) => `${c} is not null`).join(' or ')})` : '';
  const sql = `select count(*) as n from ${identifier(rule.table)} where ${whereCases(rule)}${notEmpty}`;
  return (db.sqlite.prepare(sql).get(JSON.stringify(caseIds)) as { n: number }).n;
}

/** Deletes or clears; returns the number of rows changed. Run inside the retention transaction. */
export function applyRule(db: AppDatabase, rule: ReductionRule, caseIds: readonly number[]): number {
  const columns = clearedColumns(rule);
  const sql =
    rule.action.kind === 'delete'
      ? `delete from ${identifier(rule.table)} where ${whereCases(rule)}`
      : `update ${identifier(rule.table)} set ${columns.map((c) => `${c} = null`).join(', ')} where ${whereCases(rule)} and (${columns.map((c) => `${c} is not null`).join(' or ')})`;
  return db.sqlite.prepare(sql).run(JSON.stringify(caseIds)).changes;
}
