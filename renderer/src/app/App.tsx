import { Suspense, lazy } from 'react';
// Straight from the files, not the features' index files: the bundler puts everything an index
// re-exports (the database page, the signed-in member's menu …) into the start-up chunk with them.
import { OpenSharedDatabaseLink } from '@renderer/features/database/OpenSharedDatabaseLink';
import { SystemGate } from '@renderer/features/recovery/SystemGate';
import { SessionGate } from '@renderer/features/session/SessionGate';
import { hasApi } from '@renderer/lib/api';
import { ApiMissingScreen } from './ApiMissingScreen';
import { AppProviders } from './providers';

// The signed-in shell and its pages load while the member types the password: the sign-in form comes first.
const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));

export function App() {
  return (
    <AppProviders>
      {hasApi() ? (
        <SystemGate>
          <SessionGate beforeSignIn={<OpenSharedDatabaseLink />}>
            {(member) => (
              <Suspense fallback={null}>
                <AppShell member={member} />
              </Suspense>
            )}
          </SessionGate>
        </SystemGate>
      ) : (
        <ApiMissingScreen />
      )}
    </AppProviders>
  );
}
