import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@renderer/lib/api';

/** A failed call, in the contract's Norwegian words. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {errorMessage(error)}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * A refused save. `stale`: a colleague saved the record since it was loaded; «Last inn på nytt» fetches
 * what is stored now (and its version) while the form keeps what the user typed, to compare and save again.
 */
export function FormErrorMessage({ message, stale }: { message: string | null; stale?: boolean }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      {stale ? (
        <MessageBarActions>
          <ReloadButton />
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

function ReloadButton() {
  const queryClient = useQueryClient();
  return <Button onClick={() => void queryClient.invalidateQueries()}>Last inn på nytt</Button>;
}
