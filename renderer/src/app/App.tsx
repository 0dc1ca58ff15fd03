import { Suspense, lazy } from 'react';
import { OpenSharedDatabaseLink } from '@renderer/features/database';
import { SystemGate } from '@renderer/features/recovery';
import { SessionGate } from '@renderer/features/session';
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
