import { Dropdown, Option, type DropdownProps } from '@fluentui/react-components';
import { LISTBOX_SLOT } from './listbox';

interface ChoiceDropdownProps<V extends string | number> extends Omit<DropdownProps, 'value' | 'onChange' | 'selectedOptions' | 'onOptionSelect'> {
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: readonly V[];
  labels: Record<V, string>;
  /** Text of an extra first option meaning «any» (for filters). */
  emptyOption?: string;
}

const ANY = '__alle__';

/** One value from a fixed list with Norwegian labels (statuses, kinds, reasons). */
export function ChoiceDropdown<V extends string | number>({ value, onChange, options, labels, emptyOption, ...rest }: ChoiceDropdownProps<V>) {
  return (
    <Dropdown
      {...rest}
      listbox={LISTBOX_SLOT}
      value={value === undefined ? (emptyOption ?? '') : labels[value]}
      selectedOptions={value === undefined ? (emptyOption ? [ANY] : []) : [String(value)]}
      onOptionSelect={(_e, data) => {
        if (!data.optionValue || data.optionValue === ANY) return onChange(undefined);
        onChange(options.find((o) => String(o) === data.optionValue));
      }}
    >
      {emptyOption ? <Option value={ANY}>{emptyOption}</Option> : null}
      {options.map((o) => (
        <Option key={String(o)} value={String(o)}>
          {labels[o]}
        </Option>
      ))}
    </Dropdown>
  );
}
