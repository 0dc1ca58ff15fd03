import { Input, type InputProps } from '@fluentui/react-components';
import { useState, type Ref } from 'react';
import { parseNorwegianDate } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';

interface DateInputProps extends Omit<InputProps, 'value' | 'onChange' | 'type'> {
  ref?: Ref<HTMLInputElement>;
  /** ISO date when the text is a real date, otherwise the text as typed (so validation can refuse it). */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A date typed the Norwegian way (dd.mm.åååå, also 3.2.20 or ISO). A native date input would show the
 * computer's locale format, which on an English Windows is mm/dd/yyyy.
 */
export function DateInput({ value, onChange, onBlur, ...rest }: DateInputProps) {
  const [text, setText] = useState(() => formatNorwegianDate(value));
  // Follow a value set from outside (a form reset, a default date), without fighting the typing.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parseNorwegianDate(text) !== value) setText(formatNorwegianDate(value));
  }

  return (
    <Input
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd.mm.åååå"
      value={text}
      onChange={(_event, data) => {
        setText(data.value);
        const iso = parseNorwegianDate(data.value);
        const next = iso ?? data.value.trim();
        setSeen(next);
        onChange(next);
      }}
      onBlur={(event) => {
        const iso = parseNorwegianDate(text);
        if (iso) setText(formatNorwegianDate(iso));
        onBlur?.(event);
      }}
    />
  );
}
