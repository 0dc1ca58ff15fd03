import { Dropdown, Option, type DropdownProps } from '@fluentui/react-components';
import type { MunicipalityDto } from '@shared/contract';
import type { MunicipalityKind } from '@shared/domain/municipalities';
import { useApiQuery } from '@renderer/lib/query';
import type { Ref } from 'react';
import { LISTBOX_SLOT } from './listbox';

interface MunicipalityDropdownProps extends Omit<DropdownProps, 'value' | 'onChange' | 'selectedOptions' | 'onOptionSelect'> {
  ref?: Ref<HTMLButtonElement>;
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  kinds?: readonly MunicipalityKind[];
  /** Text of an extra first option meaning «no municipality» (for filters). */
  emptyOption?: string;
}

const ALL = 'alle';

/** The municipalities in the team's own order (the nine, then Andre kommuner and Felles). */
export function MunicipalityDropdown({ value, onChange, kinds, emptyOption, ...rest }: MunicipalityDropdownProps) {
  const query = useApiQuery('municipalities:list', {}, { staleTime: Infinity });
  const list: MunicipalityDto[] = (query.data ?? []).filter((m) => !kinds || kinds.includes(m.kind));
  const selected = list.find((m) => m.id === value);
  return (
    <Dropdown
      {...rest}
      listbox={LISTBOX_SLOT}
      placeholder={query.isPending ? 'Henter …' : (rest.placeholder ?? 'Velg kommune')}
      value={selected?.name ?? (emptyOption && value === undefined ? emptyOption : '')}
      selectedOptions={value === undefined ? (emptyOption ? [ALL] : []) : [String(value)]}
      onOptionSelect={(_event, data) => onChange(data.optionValue && data.optionValue !== ALL ? Number(data.optionValue) : undefined)}
    >
      {emptyOption ? <Option value={ALL}>{emptyOption}</Option> : null}
      {list.map((m) => (
        <Option key={m.id} value={String(m.id)}>
          {m.name}
        </Option>
      ))}
    </Dropdown>
  );
}
