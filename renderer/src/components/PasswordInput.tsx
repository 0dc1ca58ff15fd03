import { Input, type InputProps } from '@fluentui/react-components';
import { forwardRef } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { FormField } from './FormField';

/**
 * A password box. No autocapitalise or spellcheck: a spellchecker would send what is typed to a
 * dictionary, and a capitalised first letter is a wrong password.
 */
export const PasswordInput = forwardRef<HTMLInputElement, Omit<InputProps, 'type'>>(function PasswordInput(props, ref) {
  return <Input {...props} ref={ref} type="password" spellCheck={false} autoCapitalize="off" autoCorrect="off" />;
});

/** A labelled password field bound to a react-hook-form field. */
export function PasswordField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  autoComplete,
  autoFocus,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField label={label} required hint={hint} validationMessage={fieldState.error?.message}>
          <PasswordInput {...field} autoComplete={autoComplete} autoFocus={autoFocus} onChange={(_e, data) => field.onChange(data.value)} />
        </FormField>
      )}
    />
  );
}
