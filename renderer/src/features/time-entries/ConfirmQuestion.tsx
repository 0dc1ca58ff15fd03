import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ENTRY_CONFIRMATIONS, type EntryConfirmation } from '@shared/contract/timeEntries';
import { ApiCallError } from '@renderer/lib/api';

/** What the service asked before saving (a likely duplicate, a date long ago) and the flags that answer it. */
export interface EntryQuestion {
  message: string;
  flags: Partial<Record<EntryConfirmation, true>>;
}

/** The question in a `needs_confirmation` refusal, or null for any other failure. */
export function entryQuestion(error: unknown): EntryQuestion | null {
  if (!(error instanceof ApiCallError) || error.code !== 'needs_confirmation') return null;
  const flags: EntryQuestion['flags'] = {};
  for (const flag of ENTRY_CONFIRMATIONS) if (flag in error.fieldErrors) flags[flag] = true;
  return { message: error.message, flags };
}

/**
 * Nothing was saved: the question is put to the member, who saves the same row again («Lagre likevel»)
 * or goes back to correct it. Focus lands on the answer so Enter decides without the mouse.
 */
export function ConfirmQuestion({ question, onConfirm, onCancel }: { question: EntryQuestion | null; onConfirm: () => void; onCancel: () => void }) {
  if (!question) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label="Stemmer dette?">
      <MessageBarBody>
        <MessageBarTitle>Stemmer dette?</MessageBarTitle>
        {question.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onConfirm} autoFocus>
          Lagre likevel
        </Button>
        <Button onClick={onCancel}>Gå tilbake og rett</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
