import { Checkbox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportPreviewDto } from '@shared/contract';
import { formatHours, formatInteger } from '@shared/format';
import { formatCount, withNoun } from '@shared/count';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  numeric: { textAlign: 'end' },
  rejected: { maxHeight: '260px', overflowY: 'auto' },
});

interface ImportPreviewProps {
  preview: ImportPreviewDto;
  chosen: string[];
  onChooseSheets: (sheets: string[]) => void;
  onIncludeExisting: (include: boolean) => void;
}

/** What the import would do, before anything is written: counts, hours per municipality and category, rejections. */
export function ImportPreview({ preview, chosen, onChooseSheets, onIncludeExisting }: ImportPreviewProps) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <fieldset>
        <legend>Ark som skal importeres</legend>
        {preview.sheets.map((sheet) => (
          <Checkbox
            key={sheet.name}
            label={sheet.hasHeader ? `${sheet.name} (${formatCount(sheet.rowsRead, 'rad')})` : `${sheet.name} (fant ikke overskriftene)`}
            disabled={!sheet.hasHeader}
            checked={chosen.includes(sheet.name)}
            onChange={(_e, data) => onChooseSheets(data.checked ? [...chosen, sheet.name] : chosen.filter((name) => name !== sheet.name))}
          />
        ))}
      </fieldset>
      <Text aria-live="polite">
        Rader lest: {formatInteger(preview.rowsRead)} · Til import: {formatInteger(preview.rowsToImport)} ({withNoun(formatHours(preview.minutes), 'time')}) ·
        Importert før: {formatInteger(preview.duplicates)} · Finnes allerede: {formatInteger(preview.existing)} · Avvist: {formatInteger(preview.rejectedCount)}
      </Text>
      {preview.existing > 0 ? (
        <Checkbox
          label={`Importer likevel de ${formatInteger(preview.existing)} radene som finnes allerede (samme dato, sak, kommune, hendelse og tidsbruk som en registrering i timelisten)`}
          checked={preview.includeExisting}
          onChange={(_e, data) => onIncludeExisting(data.checked === true)}
        />
      ) : null}
      {preview.casesToCreate.length > 0 ? <Text>Nye saker som opprettes med status «Importert»: {preview.casesToCreate.join(', ')}</Text> : null}
      <div className={styles.columns}>
        <Table aria-label="Timer per kommune i importen" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Kommune</TableHeaderCell>
              <TableHeaderCell>Timer</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.byMunicipality.map((m) => (
              <TableRow key={m.name}>
                <TableCell>{m.name}</TableCell>
                <TableCell className={styles.numeric}>{formatHours(m.minutes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Table aria-label="Timer per hendelse i importen" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Hendelse</TableHeaderCell>
              <TableHeaderCell>Timer</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.byCategory.map((c) => (
              <TableRow key={c.number}>
                <TableCell>{`${c.number} ${c.name}`}</TableCell>
                <TableCell className={styles.numeric}>{formatHours(c.minutes)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {preview.rejectedCount > 0 ? (
        <div className={styles.rejected} role="region" aria-label="Avviste rader, rullbar" tabIndex={0}>
          <Table aria-label="Avviste rader" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ark</TableHeaderCell>
                <TableHeaderCell>Rad</TableHeaderCell>
                <TableHeaderCell>Årsak</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rejected.map((r) => (
                <TableRow key={`${r.sheet}-${r.row}`}>
                  <TableCell>{r.sheet}</TableCell>
                  <TableCell>{r.row}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
