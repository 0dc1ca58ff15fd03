import { Field, type FieldProps } from '@fluentui/react-components';

interface FormFieldProps extends Omit<FieldProps, 'label'> {
  label: string;
}

/**
 * A Fluent Field whose label text is exactly the word on screen. Fluent's required asterisk is part of
 * the label's text, which turns «Navn» into «Navn *» for anything that finds a field by its label;
 * `required` still reaches the control as required/aria-required, so screen readers announce it.
 */
export function FormField({ label, ...rest }: FormFieldProps) {
  return <Field {...rest} label={{ children: label, required: false }} />;
}
