import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { TABLE_UNITS, type StatisticsTableDto, type TableValue } from '@shared/contract';
import { formatMeasureWithUnit } from '@shared/domain/statistics';
import { withSoftHyphens } from './softHyphens';

const useStyles = makeStyles({
  // The table scrolls inside its own box, so a wide pivot (a year of months, every case) never widens the window.
  wrapper: {
    overflow: 'auto',
    maxWidth: '100%',
    maxHeight: '70vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { tableLayout: 'auto', width: 'auto', minWidth: '100%' },
  caption: {
    captionSide: 'top',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerRow: { backgroundColor: tokens.colorNeutralBackground2, height: 'auto' },
  columnHeader: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    verticalAlign: 'bottom',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  end: { justifyContent: 'flex-end', alignItems: 'flex-end', textAlign: 'end', height: 'auto' },
  bottomStart: { justifyContent: 'flex-start', alignItems: 'flex-end', height: 'auto' },
  rowHeader: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  figure: { textAlign: 'end', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  unit: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3 },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

/**
 * Any statistics table: row labels down, every figure with its unit, «Totalsum» last on both axes.
 * `links` turns a text cell into a link to where it can be fixed («mangler innbyggertall» → the setting).
 */
export function StatisticsTable({
  table,
  caption,
  links,
}: {
  table: StatisticsTableDto<TableValue>;
  caption: string;
  links?: Readonly<Record<string, string>>;
}) {
  const styles = useStyles();
  // Where hours and counts stand side by side, every heading names its unit.
  const mixedUnits = new Set(table.columns.map((c) => c.measure)).size > 1;
  const textCell = (text: string) => {
    const href = links?.[text];
    return href ? <Link href={href}>{text}</Link> : text;
  };
  const cell = (value: TableValue, index: number) => {
    const column = table.columns[index]!;
    return (
      <TableCell key={column.key} className={mergeClasses(styles.figure, value === null && styles.empty, column.total && styles.total)}>
        {value === null ? '–' : typeof value === 'string' ? textCell(value) : formatMeasureWithUnit(value, column.measure)}
      </TableCell>
    );
  };
  return (
    // Focusable, so the keyboard can scroll a wide table sideways.
    <div className={styles.wrapper} role="region" aria-label={`${table.title}, rullbar`} tabIndex={0}>
      <Table aria-label={table.title} size="small" className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <TableHeader>
          <TableRow className={styles.headerRow}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.columnHeader, styles.rowHeader)} button={{ className: styles.bottomStart }}>
              {table.rowHeader}
            </TableHeaderCell>
            {table.columns.map((column) => (
              <TableHeaderCell
                key={column.key}
                scope="col"
                className={mergeClasses(styles.columnHeader, column.total && styles.total)}
                button={{ className: styles.end }}
              >
                <span>
                  {withSoftHyphens(column.label)}
                  {mixedUnits ? <span className={styles.unit}> {TABLE_UNITS[column.measure]}</span> : null}
                </span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row" className={styles.rowHeader}>
                {row.label}
              </TableHeaderCell>
              {row.values.map(cell)}
            </TableRow>
          ))}
          {table.totalRow ? (
            <TableRow className={styles.total}>
              <TableHeaderCell scope="row" className={styles.rowHeader}>
                Totalsum
              </TableHeaderCell>
              {table.totalRow.map(cell)}
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
