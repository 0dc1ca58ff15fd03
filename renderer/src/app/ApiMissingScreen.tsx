import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { CenteredScreen } from '@renderer/components/CenteredScreen';

/** The page was opened outside the desktop app (or the bridge failed to load): say so plainly. */
export function ApiMissingScreen() {
  return (
    <CenteredScreen title="Ettervern mangler kontakt med databasen">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Skjermbildet kan ikke vises</MessageBarTitle>
          Denne siden må åpnes fra skrivebordsprogrammet Ettervern. Lukk vinduet og start Ettervern på nytt. Hjelper ikke det, kontakt den som drifter
          programmet.
        </MessageBarBody>
      </MessageBar>
    </CenteredScreen>
  );
}
