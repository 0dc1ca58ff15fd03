import { SearchBox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { TEMPLATE_KIND_LABEL } from '@shared/domain/documents';
import type { TemplatePlaceholder } from '@shared/domain/templatePlaceholders';
import { formatInteger } from '@shared/format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { useApiQuery } from '@renderer/lib/query';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  search: { maxWidth: '360px' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  field: { paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** One row of the list: a placeholder, or a field that may only be used inside its loop. */
interface PlaceholderRow {
  key: string;
  code: string;
  description: string;
  example: string;
  usedIn: string;
  /** The loop a field belongs to; fields are listed under their loop. */
  loop?: string;
}

function usedIn(p: TemplatePlaceholder): string {
  return p.kinds.map((k) => `${TEMPLATE_KIND_LABEL[k]}${p.requiredIn.includes(k) ? ' (påkrevd)' : ''}`).join(', ');
}

/** Loops are written `{#navn}…{/navn}` and their fields only between those tags, so both are shown that way. */
function placeholderRows(placeholders: readonly TemplatePlaceholder[]): PlaceholderRow[] {
  return placeholders.flatMap((p) => {
    const code = p.type === 'loop' ? `{#${p.name}} … {/${p.name}}` : `{${p.name}}`;
    const top: PlaceholderRow = { key: p.name, code, description: p.description, example: p.example, usedIn: usedIn(p) };
    const fields = (p.fields ?? []).map((f) => ({
      key: `${p.name}.${f.name}`,
      code: `{${f.name}}`,
      description: f.description,
      example: f.example,
      usedIn: `Inne i {#${p.name}}`,
      loop: p.name,
    }));
    return [top, ...fields];
  });
}

/** A row matches when its name, description or example contains the search words (any case). */
function matches(row: PlaceholderRow, search: string): boolean {
  const words = search.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  const text = `${row.code} ${row.description} ${row.example} ${row.usedIn}`.toLocaleLowerCase('nb');
  return words.every((w) => text.includes(w));
}

/** Every placeholder a template may contain, with what it becomes: the reference for editing a template in Word. */
export function PlaceholdersSection() {
  const styles = useStyles();
  const placeholders = useApiQuery('templates:placeholders', {});
  const [search, setSearch] = useState('');
  const all = placeholderRows(placeholders.data ?? []);
  const shown = all.filter((row) => matches(row, search));
  return (
    <SettingsSection
      title="Plassholdere"
      description="Skriv plassholderen i malen nøyaktig slik den står her, med krøllparenteser. Ukjente plassholdere og manglende påkrevde plassholdere gjør at malen ikke tas i bruk."
    >
      <SearchBox
        className={styles.search}
        aria-label="Søk i plassholdere"
        placeholder="Søk, for eksempel «kommune» eller «mål»"
        value={search}
        onChange={(_e, d) => setSearch(d.value)}
      />
      {placeholders.error ? <ErrorMessage error={placeholders.error} /> : null}
      {placeholders.data ? (
        <Text className={styles.muted} aria-live="polite">
          Viser {formatInteger(shown.length)} av {formatInteger(all.length)} plassholdere.
        </Text>
      ) : null}
      <SimpleTable<PlaceholderRow>
        ariaLabel="Plassholdere"
        rows={shown}
        rowKey={(r) => r.key}
        emptyText={placeholders.isPending ? 'Henter …' : 'Ingen plassholdere passer søket.'}
        columns={[
          {
            header: 'Plassholder',
            width: '220px',
            cell: (r) => <code className={mergeClasses(styles.code, r.loop ? styles.field : undefined)}>{r.code}</code>,
          },
          { header: 'Forklaring', cell: (r) => r.description },
          { header: 'Eksempel', width: '160px', cell: (r) => r.example },
          { header: 'Brukes i', width: '140px', cell: (r) => <span className={styles.muted}>{r.usedIn}</span> },
        ]}
      />
    </SettingsSection>
  );
}
