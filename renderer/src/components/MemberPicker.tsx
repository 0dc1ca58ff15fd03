import { Dropdown, Option, type DropdownProps } from '@fluentui/react-components';
import { useApiQuery } from '@renderer/lib/query';
import type { Ref } from 'react';
import { LISTBOX_SLOT } from './listbox';

interface MemberPickerProps extends Omit<DropdownProps, 'value' | 'onChange' | 'multiselect' | 'selectedOptions' | 'onOptionSelect'> {
  ref?: Ref<HTMLButtonElement>;
  value: number[];
  onChange: (ids: number[]) => void;
}

/** Several active team members; the closed box shows their initials, as the team writes them. */
export function MemberPicker({ value, onChange, ...rest }: MemberPickerProps) {
  const members = useApiQuery('team-members:list', {});
  const list = members.data ?? [];
  const selected = list.filter((m) => value.includes(m.id));
  return (
    <Dropdown
      {...rest}
      listbox={LISTBOX_SLOT}
      multiselect
      placeholder={members.isPending ? 'Henter …' : 'Velg ansatte'}
      value={selected.map((m) => m.initials).join(', ')}
      selectedOptions={value.map(String)}
      onOptionSelect={(_event, data) => onChange(data.selectedOptions.map(Number))}
    >
      {list.map((member) => (
        <Option key={member.id} value={String(member.id)} text={`${member.displayName} (${member.initials})`}>
          {member.displayName} ({member.initials})
        </Option>
      ))}
    </Dropdown>
  );
}
