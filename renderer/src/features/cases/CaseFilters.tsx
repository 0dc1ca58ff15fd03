import { Dropdown, Field, Option, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseStatus } from '@shared/domain/caseStatus';
import { CASE_STATUSES, CASE_STATUS_LABEL } from '@shared/domain/caseStatus';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { LISTBOX_SLOT } from '@renderer/components/listbox';
import { MunicipalityDropdown } from '@renderer/components/MunicipalityDropdown';
import { currentYear } from '@renderer/lib/dates';
import { useApiQuery } from '@renderer/lib/query';

export interface CaseFilterValues {
  search: string;
  status?: CaseStatus;
  municipalityId?: number;
  year?: number;
  staffId?: number;
}

const MEMBER_KINDS = ['member'] as const;
const FIRST_YEAR = 2020;

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  search: { width: '200px' },
  filter: { minWidth: '170px' },
});

/** Search and the four filters of the case list. */
export function CaseFilters({ value, onChange }: { value: CaseFilterValues; onChange: (next: CaseFilterValues) => void }) {
  const styles = useStyles();
  const members = useApiQuery('team-members:list', {});
  const years = Array.from({ length: currentYear() - FIRST_YEAR + 1 }, (_, i) => currentYear() - i);
  const yearLabels = Object.fromEntries(years.map((y) => [y, String(y)])) as Record<number, string>;
  const member = members.data?.find((m) => m.id === value.staffId);
  return (
    <div className={styles.filters} role="search" aria-label="Finn saker">
      <Field label="Søk etter sakskode" className={styles.search}>
        <SearchBox value={value.search} maxLength={20} placeholder="For eksempel 02/20" onChange={(_e, data) => onChange({ ...value, search: data.value })} />
      </Field>
      <Field label="Status" className={styles.filter}>
        <ChoiceDropdown
          value={value.status}
          options={CASE_STATUSES}
          labels={CASE_STATUS_LABEL}
          emptyOption="Alle statuser"
          onChange={(status) => onChange({ ...value, status })}
        />
      </Field>
      <Field label="Vis saker fra" className={styles.filter}>
        <MunicipalityDropdown
          kinds={MEMBER_KINDS}
          value={value.municipalityId}
          onChange={(municipalityId) => onChange({ ...value, municipalityId })}
          emptyOption="Alle kommuner"
        />
      </Field>
      <Field label="År" className={styles.filter}>
        <ChoiceDropdown value={value.year} options={years} labels={yearLabels} emptyOption="Alle år" onChange={(year) => onChange({ ...value, year })} />
      </Field>
      <Field label="Ansatt" className={styles.filter}>
        <Dropdown
          listbox={LISTBOX_SLOT}
          value={member ? member.displayName : 'Alle ansatte'}
          selectedOptions={[value.staffId ? String(value.staffId) : 'alle']}
          onOptionSelect={(_e, data) => onChange({ ...value, staffId: data.optionValue && data.optionValue !== 'alle' ? Number(data.optionValue) : undefined })}
        >
          <Option value="alle">Alle ansatte</Option>
          {(members.data ?? []).map((m) => (
            <Option key={m.id} value={String(m.id)}>
              {m.displayName}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}
