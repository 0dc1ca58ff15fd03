import type { StatisticsTableDto, TableValue } from '@shared/contract/statistics/pivot';
import type { ReportTable } from './reportTable';

/** The municipalities in the founding plan's order, and which of them were members in the report's year. */
export interface MemberOrder {
  order: readonly { id: number; name: string }[];
  memberIds: ReadonlySet<number>;
}

/** The row label every municipality table prints the municipality under. */
const MUNICIPALITY_ROW_HEADER = 'Kommune';

const hasFigures = (values: readonly TableValue[]) => values.some((v) => v !== null && v !== 0);

/**
 * Every member of the year gets a row, in the founding plan's order, with 0 where the team logged nothing:
 * a municipality that is left out reads as forgotten, and a council member looks for their own. A member
 * with nothing is a plain 0, never «skjult» (the small-number rule is about 1–4 people, and 0 names no one).
 * «Andre kommuner», «Felles» and former members only print when they have figures.
 *
 * `emptyIsZero` is for tables built from the time log, where an empty cell means no hours: it prints 0 so
 * the table reads the same way as the cost tables. Elsewhere an empty cell means «not computed» (a median
 * without closed cases) and stays empty.
 */
export function withEveryMember(table: StatisticsTableDto<TableValue>, members: MemberOrder, emptyIsZero: boolean): StatisticsTableDto<TableValue> {
  if (table.rowHeader !== MUNICIPALITY_ROW_HEADER) return table;
  const existing = new Map(table.rows.map((r) => [r.key, r]));
  const zeroRow = table.columns.map((): TableValue => 0);
  const known = new Set(members.order.map((m) => String(m.id)));
  const rows = members.order.flatMap((m) => {
    const row = existing.get(String(m.id));
    if (row) return members.memberIds.has(m.id) || hasFigures(row.values) ? [row] : [];
    return members.memberIds.has(m.id) ? [{ key: String(m.id), label: m.name, values: zeroRow }] : [];
  });
  // A row that is not a municipality of the register (none today) keeps its place at the end rather than vanishing.
  const others = table.rows.filter((r) => !known.has(r.key));
  const zeroed = (values: readonly TableValue[]) => (emptyIsZero ? values.map((v) => v ?? 0) : [...values]);
  return {
    ...table,
    rows: [...rows, ...others].map((r) => ({ ...r, values: zeroed(r.values) })),
    totalRow: table.totalRow && rows.length > 0 ? zeroed(table.totalRow) : table.totalRow,
  };
}

/**
 * Every table of the report listing municipalities, filled in. The tables built from the time log
 * (hours, person-hours and entries per municipality; the familiar tables; municipality × category) print
 * 0 in an empty cell; the case and cost tables keep theirs (there it means «not computed»).
 */
export function reportTableWithEveryMember(table: ReportTable, members: MemberOrder): ReportTable {
  const fromTimeLog = table.table.columns.every((c) => c.measure === 'hours' || c.measure === 'personHours' || c.measure === 'entries');
  return { ...table, table: withEveryMember(table.table, members, fromTimeLog) };
}
