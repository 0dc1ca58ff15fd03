import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { PivotFigures } from '../../../../shared/contract';
import { withSoftHyphens } from './softHyphens';
import { formatEntries, formatFigure, UNIT_LABEL, UNIT_ABBREVIATION, type PivotGrid, type PivotUnit } from './pivot';

const useStyles = makeStyles({
  // Natural column widths: a long category name («Administrasjonsarbeid») must widen its column, not
  // spill into the next; the wrapper scrolls sideways in a year with all ten categories.
  table: { tableLayout: 'auto' },
  wrapper: {
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  caption: {
    captionSide: 'top',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightSemibold,
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
  // The row-label header sits on the same baseline as the (often two-line) category headers.
  bottomStart: { justifyContent: 'flex-start', alignItems: 'flex-end', height: 'auto' },
  rowHeader: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  figure: {
    textAlign: 'end',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  entries: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground3 },
  totalRow: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  totalColumn: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

/**
 * «1,5 t (1)»: the figure and, on a line of its own, the entries behind it. The text stays
 * «1,5 t (1)» (a space, not a line break), so it reads and copies as one phrase.
 */
function Figure({ figures, unit }: { figures: PivotFigures; unit: PivotUnit }) {
  const styles = useStyles();
  return (
    <>
      {formatFigure(figures, unit)} {UNIT_ABBREVIATION[unit]} <span className={styles.entries}>({formatEntries(figures)})</span>
    </>
  );
}

/** Municipalities down, categories across, «Totalsum» at the end of both; every cell names its unit. */
export function PivotTable({ grid, unit }: { grid: PivotGrid; unit: PivotUnit }) {
  const styles = useStyles();
  return (
    // Focusable, so the keyboard can scroll it sideways in a year with all ten categories.
    <div className={styles.wrapper} role="region" aria-label="Statistikktabell" tabIndex={0}>
      <Table aria-label="Timer per kommune og hendelse" size="small" className={styles.table}>
        <caption className={styles.caption}>{UNIT_LABEL[unit]} (antall registreringer i parentes)</caption>
        <TableHeader>
          <TableRow className={styles.headerRow}>
            <TableHeaderCell scope="col" className={mergeClasses(styles.columnHeader, styles.rowHeader)} button={{ className: styles.bottomStart }}>
              Kommune
            </TableHeaderCell>
            {grid.columns.map((column) => (
              <TableHeaderCell key={column.id} scope="col" className={styles.columnHeader} button={{ className: styles.end }}>
                {withSoftHyphens(column.label)}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col" className={mergeClasses(styles.columnHeader, styles.totalColumn)} button={{ className: styles.end }}>
              Totalsum
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {grid.rows.map((row) => (
            <TableRow key={row.id}>
              <TableHeaderCell scope="row" className={styles.rowHeader}>
                {row.label}
              </TableHeaderCell>
              {row.cells.map((cell, index) => (
                <TableCell key={grid.columns[index]!.id} className={mergeClasses(styles.figure, !cell && styles.empty)}>
                  {cell ? <Figure figures={cell} unit={unit} /> : '–'}
                </TableCell>
              ))}
              <TableCell className={mergeClasses(styles.figure, styles.totalColumn)}>
                <Figure figures={row.total} unit={unit} />
              </TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.totalRow}>
            <TableHeaderCell scope="row" className={styles.rowHeader}>
              Totalsum
            </TableHeaderCell>
            {grid.columnTotals.map((figures, index) => (
              <TableCell key={grid.columns[index]!.id} className={styles.figure}>
                <Figure figures={figures} unit={unit} />
              </TableCell>
            ))}
            <TableCell className={styles.figure}>
              <Figure figures={grid.total} unit={unit} />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
