import { Dropdown, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { ChannelInput } from '@shared/contract';
import { DateInput } from '@renderer/components/DateInput';
import { FormField } from '@renderer/components/FormField';
import { LISTBOX_SLOT } from '@renderer/components/listbox';
import { MunicipalityDropdown } from '@renderer/components/MunicipalityDropdown';
import { useApiQuery } from '@renderer/lib/query';
import { isIsoDate } from '@shared/dates';

export type EntryFilter = NonNullable<ChannelInput<'time-entries:list'>['filter']>;

const ALL = 'alle';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM, alignItems: 'end' },
  control: { minWidth: 0, width: '100%' },
});

/** Date range, case, municipality, category and team member — each applied by SQLite, over every entry. */
export function EntryFilters({ value, onChange }: { value: EntryFilter; onChange: (filter: EntryFilter) => void }) {
  const styles = useStyles();
  const categories = useApiQuery('categories:list', { includeRetired: true }, { staleTime: Infinity }).data ?? [];
  const members = useApiQuery('team-members:list', { includeInactive: true }).data ?? [];
  const set = (patch: Partial<EntryFilter>) =>
    onChange(Object.fromEntries(Object.entries({ ...value, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as EntryFilter);
  const date = (text: string) => (isIsoDate(text) ? text : undefined);
  const category = categories.find((c) => c.id === value.categoryId);
  const member = members.find((m) => m.id === value.teamMemberId);
  return (
    <div className={styles.row} role="search" aria-label="Filter for registreringer">
      <FormField label="Fra dato">
        <DateInput className={styles.control} value={value.from ?? ''} onChange={(v) => set({ from: date(v) })} />
      </FormField>
      <FormField label="Til dato">
        <DateInput className={styles.control} value={value.to ?? ''} onChange={(v) => set({ to: date(v) })} />
      </FormField>
      <FormField label="Sak inneholder">
        <Input className={styles.control} value={value.caseCode ?? ''} maxLength={12} onChange={(_e, d) => set({ caseCode: d.value })} />
      </FormField>
      <FormField label="Filtrer kommune">
        <MunicipalityDropdown
          className={styles.control}
          emptyOption="Alle kommuner"
          value={value.municipalityId}
          onChange={(id) => set({ municipalityId: id })}
        />
      </FormField>
      <FormField label="Filtrer hendelse">
        <Dropdown
          className={styles.control}
          listbox={LISTBOX_SLOT}
          value={category ? `${category.number} ${category.name}` : 'Alle hendelser'}
          selectedOptions={[category ? String(category.id) : ALL]}
          onOptionSelect={(_e, d) => set({ categoryId: d.optionValue && d.optionValue !== ALL ? Number(d.optionValue) : undefined })}
        >
          <Option value={ALL}>Alle hendelser</Option>
          {categories.map((c) => (
            <Option key={c.id} value={String(c.id)} text={`${c.number} ${c.name}`}>{`${c.number} ${c.name}`}</Option>
          ))}
        </Dropdown>
      </FormField>
      <FormField label="Teammedlem">
        <Dropdown
          className={styles.control}
          listbox={LISTBOX_SLOT}
          value={member ? `${member.displayName} (${member.initials})` : 'Hele teamet'}
          selectedOptions={[member ? String(member.id) : ALL]}
          onOptionSelect={(_e, d) => set({ teamMemberId: d.optionValue && d.optionValue !== ALL ? Number(d.optionValue) : undefined })}
        >
          <Option value={ALL}>Hele teamet</Option>
          {members.map((m) => (
            <Option key={m.id} value={String(m.id)} text={`${m.displayName} (${m.initials})`}>{`${m.displayName} (${m.initials})`}</Option>
          ))}
        </Dropdown>
      </FormField>
    </div>
  );
}
