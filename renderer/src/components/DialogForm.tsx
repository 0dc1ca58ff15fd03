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
  stale,
  submitLabel,
  submitting,
  onSubmit,
  children,
}: {
  title: string;
  message: string | null;
  /** The refusal was a colleague's newer save: offer «Last inn på nytt». */
  stale?: boolean;
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
          <FormErrorMessage message={message} stale={stale} />
          {children}
        </DialogContent>
        <FormDialogActions submitLabel={submitLabel} submitting={submitting} />
      </DialogBody>
    </form>
  );
}
