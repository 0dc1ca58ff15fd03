import { Combobox, Option, type ComboboxProps } from '@fluentui/react-components';
import { useState, type KeyboardEvent, type Ref } from 'react';
import type { CaseSuggestionDto } from '@shared/contract';
import { normaliseCaseCode } from '@shared/caseCode';
import { useApiQuery } from '@renderer/lib/query';
import { LISTBOX_SLOT } from '@renderer/components/listbox';

interface CaseComboboxProps extends Omit<ComboboxProps, 'value' | 'onChange' | 'onOptionSelect' | 'selectedOptions' | 'open' | 'onOpenChange'> {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (code: string, matched: CaseSuggestionDto | undefined) => void;
  /** Enter in a closed box saves the entry, like in every other field of the row. */
  onSubmitKey: () => void;
}

/**
 * Type part of a case code («2/20», «st») and leave with Tab: when exactly one case matches, it is taken.
 * Empty means work without a case (Andre kommuner, Felles). Matching is done by SQLite over all cases.
 */
export function CaseCombobox({ value, onChange, onSubmitKey, onBlur, ...rest }: CaseComboboxProps) {
  const [open, setOpen] = useState(false);
  const search = value.trim().slice(0, 12);
  const suggestions = useApiQuery('time-entries:case-suggestions', { search }, { keepPrevious: true });
  const list = suggestions.data ?? [];
  const typed = normaliseCaseCode(value);
  const exact = list.find((c) => c.code === typed);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !open) {
      event.preventDefault();
      onSubmitKey();
    }
  };

  return (
    <Combobox
      {...rest}
      listbox={LISTBOX_SLOT}
      // One Tab per field, like a spreadsheet: the arrow button is for the mouse (Alt+↓ opens the list).
      expandIcon={{ tabIndex: -1 }}
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
        onChange(
          text,
          list.find((c) => c.code === normaliseCaseCode(text)),
        );
      }}
      onOptionSelect={(_event, data) => {
        const chosen = list.find((c) => c.code === data.optionValue);
        if (chosen) onChange(chosen.code, chosen);
      }}
      onBlur={(event) => {
        const only = list.length === 1 && search !== '' && !suggestions.isPlaceholderData ? list[0] : undefined;
        if (!exact && only) onChange(only.code, only);
        onBlur?.(event);
      }}
    >
      {list.length === 0 ? (
        <Option disabled value="" text="">
          {suggestions.isPending ? 'Henter saker …' : 'Ingen saker passer'}
        </Option>
      ) : (
        list.map((c) => (
          <Option key={c.id} value={c.code} text={c.code}>
            {c.code} · {c.municipalityName}
          </Option>
        ))
      )}
    </Combobox>
  );
}
