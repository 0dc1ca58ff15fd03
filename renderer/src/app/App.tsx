import { SessionGate } from '../features/session';
import { hasApi } from '../lib/api';
import { ApiMissingScreen } from './ApiMissingScreen';
import { AppShell } from './AppShell';
import { AppProviders } from './providers';

export function App() {
  return (
    <AppProviders>
      {hasApi() ? <SessionGate>{(member) => <AppShell member={member} />}</SessionGate> : <ApiMissingScreen />}
    </AppProviders>
  );
}
