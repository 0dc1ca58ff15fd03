import { Dropdown, Option, type DropdownProps } from '@fluentui/react-components';
import { useApiQuery } from '@renderer/lib/query';
import type { Ref } from 'react';
import { LISTBOX_SLOT } from '@renderer/components/listbox';

interface CategoryDropdownProps extends Omit<DropdownProps, 'value' | 'onChange' | 'selectedOptions' | 'onOptionSelect'> {
  ref?: Ref<HTMLButtonElement>;
  value: number | undefined;
  onChange: (id: number) => void;
}

/** «1 Brukeroppfølging» … «10 Ikke møtt»: numbered the way the team's time sheet numbers them. */
export function CategoryDropdown({ value, onChange, ...rest }: CategoryDropdownProps) {
  const categories = useApiQuery('categories:list', {}, { staleTime: Infinity });
  const list = categories.data ?? [];
  const label = (c: { number: number; name: string }) => `${c.number} ${c.name}`;
  const selected = list.find((c) => c.id === value);
  return (
    <Dropdown
      {...rest}
      listbox={LISTBOX_SLOT}
      placeholder={categories.isPending ? 'Henter …' : 'Velg hendelse'}
      value={selected ? label(selected) : ''}
      selectedOptions={value === undefined ? [] : [String(value)]}
      onOptionSelect={(_event, data) => data.optionValue && onChange(Number(data.optionValue))}
    >
      {list.map((c) => (
        <Option key={c.id} value={String(c.id)} text={label(c)} title={c.description}>
          {label(c)}
        </Option>
      ))}
    </Dropdown>
  );
}
