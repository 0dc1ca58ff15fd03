import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface SimpleColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  width?: string;
}

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  header: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
  numeric: { textAlign: 'end', justifyContent: 'flex-end' },
  empty: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
});

/** A short, unsorted table (a card's worth of rows): what the lists on Oversikt and the case page need. */
export function SimpleTable<T>({
  ariaLabel,
  columns,
  rows,
  rowKey,
  emptyText,
}: {
  ariaLabel: string;
  columns: SimpleColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  emptyText: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.wrapper}>
      <Table aria-label={ariaLabel} size="small">
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.header} className={styles.header} style={c.width ? { width: c.width } : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length} className={styles.empty}>
                {emptyText}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => (
              <TableRow key={rowKey(row)}>
                {columns.map((c) => (
                  <TableCell key={c.header} className={c.numeric ? styles.numeric : undefined}>
                    {c.cell(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
