import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDUCTION_RULES } from '../../electron/services/retention/rules';
import { FREE_TEXT_KEPT, NOT_FREE_TEXT } from '../../electron/services/retention/textColumns';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/** Every TEXT column of the migrated schema is emptied by a reduction rule or named, with a reason, as kept. */
let t: TestDatabase;
let textColumns: string[];

beforeAll(async () => {
  t = await createTestDatabase({ member: false });
  const tables = t.db.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'")
    .pluck()
    .all() as string[];
  textColumns = tables.flatMap((table) =>
    (t.db.sqlite.prepare("select name from pragma_table_info(?) where upper(type) = 'TEXT'").pluck().all(table) as string[]).map(
      (column) => `${table}.${column}`,
    ),
  );
});
afterAll(() => t.close());

const columnsOfTable = (table: string) =>
  (t.db.sqlite.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[]).map((column) => `${table}.${column}`);

/** What the rules empty: every column of a table they delete from, the named columns of one they clear. */
const emptiedByRules = () =>
  new Set(
    REDUCTION_RULES.flatMap((rule) =>
      rule.action.kind === 'delete' ? columnsOfTable(rule.table) : rule.action.columns.map((column) => `${rule.table}.${column}`),
    ),
  );

const named = (reasons: typeof NOT_FREE_TEXT) =>
  Object.entries(reasons).flatMap(([table, columns]) => Object.keys(columns ?? {}).map((column) => `${table}.${column}`));

describe('retention and free text', () => {
  it('empties every TEXT column that holds what a person typed about a case, or names why it may stay', () => {
    const decided = new Set([...emptiedByRules(), ...named(NOT_FREE_TEXT), ...named(FREE_TEXT_KEPT)]);
    expect(textColumns.filter((column) => !decided.has(column))).toEqual([]);
  });

  it('names as kept only TEXT columns no rule empties, each in one list', () => {
    const emptied = emptiedByRules();
    const listed = [...named(NOT_FREE_TEXT), ...named(FREE_TEXT_KEPT)];
    expect(listed.filter((column) => !textColumns.includes(column))).toEqual([]);
    expect(listed.filter((column) => emptied.has(column))).toEqual([]);
    expect(listed.filter((column, i) => listed.indexOf(column) !== i)).toEqual([]);
  });

  it('has rules that empty free text about a case', () => {
    expect([...emptiedByRules()]).toEqual(
      expect.arrayContaining([
        'cases.closure_note',
        'cases.institution_name',
        'cases.takeover_service',
        'cases.referral_reason',
        'cases.team_assessment',
        'case_goals.text',
        'case_domain_ratings.note',
        'evaluation_answers.text_value',
      ]),
    );
  });
});
