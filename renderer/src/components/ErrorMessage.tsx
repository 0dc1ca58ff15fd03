import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
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

export function FormErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
