import { Combobox, Option, type ComboboxProps } from '@fluentui/react-components';
import { useState, type KeyboardEvent, type Ref } from 'react';
import type { CaseDto } from '../../../../shared/contract';
import { normaliseCaseCode } from '../../../../shared/caseCode';
import { useApiQuery } from '../../lib/query';
import { LISTBOX_SLOT } from '../../components/listbox';

const MAX_OPTIONS = 30;

interface CaseComboboxProps extends Omit<ComboboxProps, 'value' | 'onChange' | 'onOptionSelect' | 'selectedOptions' | 'open' | 'onOpenChange'> {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (code: string, matched: CaseDto | undefined) => void;
  /** Enter in a closed box saves the entry, like in every other field of the row. */
  onSubmitKey: () => void;
}

/** Type part of a case code and pick it; free text is allowed, and empty means shared work. */
export function CaseCombobox({ value, onChange, onSubmitKey, ...rest }: CaseComboboxProps) {
  const cases = useApiQuery('cases:list', {});
  const [open, setOpen] = useState(false);
  const list = cases.data ?? [];
  const typed = normaliseCaseCode(value);
  const matches = list.filter((c) => c.code.includes(typed)).slice(0, MAX_OPTIONS);
  const exact = list.find((c) => c.code === typed);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !open) onSubmitKey();
  };

  return (
    <Combobox
      {...rest}
      listbox={LISTBOX_SLOT}
      freeform
      autoComplete="off"
      placeholder="NN/ÅÅ-XX"
      value={value}
      open={open}
      selectedOptions={exact ? [exact.code] : []}
      onOpenChange={(event, data) => {
        // Enter in a closed box means «save», not «open the list».
        if (data.open && 'key' in event && event.key === 'Enter') return;
        setOpen(data.open);
      }}
      onKeyDown={onKeyDown}
      onChange={(event) => {
        const text = event.target.value;
        setOpen(text.trim() !== '');
        onChange(text, list.find((c) => c.code === normaliseCaseCode(text)));
      }}
      onOptionSelect={(_event, data) => {
        const chosen = list.find((c) => c.code === data.optionValue);
        if (chosen) onChange(chosen.code, chosen);
      }}
    >
      {matches.length === 0 ? (
        <Option disabled value="" text="">
          {cases.isPending ? 'Henter saker …' : 'Ingen saker passer'}
        </Option>
      ) : (
        matches.map((c) => (
          <Option key={c.id} value={c.code} text={c.code}>
            {c.code} · {c.municipalityName}
          </Option>
        ))
      )}
    </Combobox>
  );
}
