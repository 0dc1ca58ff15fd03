import { Input, type InputProps } from '@fluentui/react-components';
import type { Ref } from 'react';
import { choiceLabel, resolveChoice, type Choice } from './resolveChoice';

interface ChoiceInputProps extends Omit<InputProps, 'value' | 'onChange'> {
  ref?: Ref<HTMLInputElement>;
  choices: readonly Choice[];
  /** The text in the box; the form resolves it to an id when it saves. */
  value: string;
  onChange: (text: string) => void;
}

/**
 * Type a number or the start of a name and move on with Tab, as in a spreadsheet cell; the field's hint
 * shows what the text is understood as. On leaving, an understood start becomes the whole name
 * («kjø» → «2 Kjøring»). A plain text box: no list pops up to turn Enter into «pick» instead of «save».
 */
export function ChoiceInput({ choices, value, onChange, onBlur, ...rest }: ChoiceInputProps) {
  return (
    <Input
      {...rest}
      autoComplete="off"
      value={value}
      onChange={(_event, data) => onChange(data.value)}
      onBlur={(event) => {
        const resolved = resolveChoice(value, choices);
        if (resolved && value !== choiceLabel(resolved)) onChange(choiceLabel(resolved));
        onBlur?.(event);
      }}
    />
  );
}

/** The hint under the field: what the typed text means, or what may be typed. */
export function choiceHint(value: string, choices: readonly Choice[], help: string): string {
  if (!value.trim()) return help;
  const resolved = resolveChoice(value, choices);
  return resolved ? `= ${choiceLabel(resolved)}` : 'Ukjent – skriv mer av navnet';
}
