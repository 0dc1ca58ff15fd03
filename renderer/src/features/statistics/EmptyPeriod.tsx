import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** The one sentence a tab shows for a period without data: «Ingen saker i 2019.» */
export function EmptyPeriod({ children }: { children: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
