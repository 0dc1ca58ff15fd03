import { DialogBody, DialogContent, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEventHandler, ReactNode } from 'react';
import { FormErrorMessage } from './ErrorMessage';
import { FormDialogActions } from './FormDialog';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
});

/**
 * The inside of a form dialog: title, the form's message, the fields, «Avbryt» (closes through the
 * surrounding Dialog's onOpenChange) and the submit button.
 */
export function DialogForm({
  title,
  message,
  submitLabel,
  submitting,
  onSubmit,
  children,
}: {
  title: string;
  message: string | null;
  submitLabel: string;
  submitting: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.content}>
          <FormErrorMessage message={message} />
          {children}
        </DialogContent>
        <FormDialogActions submitLabel={submitLabel} submitting={submitting} />
      </DialogBody>
    </form>
  );
}
