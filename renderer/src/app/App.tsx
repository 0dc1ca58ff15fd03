import { OpenSharedDatabaseLink } from '@renderer/features/database';
import { SystemGate } from '@renderer/features/recovery';
import { SessionGate } from '@renderer/features/session';
import { hasApi } from '@renderer/lib/api';
import { ApiMissingScreen } from './ApiMissingScreen';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';

export function App() {
  return (
    <AppProviders>
      {hasApi() ? (
        <SystemGate>
          <SessionGate beforeSignIn={<OpenSharedDatabaseLink />}>{(member) => <AppShell member={member} />}</SessionGate>
        </SystemGate>
      ) : (
        <ApiMissingScreen />
      )}
    </AppProviders>
  );
}
