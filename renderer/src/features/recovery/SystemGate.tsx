import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { Suspense, lazy, type ReactNode } from 'react';
import { StartingScreen } from '@renderer/components/StartingScreen';
import { useApiQuery } from '@renderer/lib/query';

// Only a damaged database needs the recovery screen (backup list, restore dialog): it is not part of
// what every start-up loads and parses.
const RecoveryScreen = lazy(() => import('./RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })));

// The banner takes its own height and the app the rest, so the read-only window does not scroll as a whole.
const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', height: '100vh' },
  banner: { borderRadius: 0, flex: 'none' },
  app: { flex: 1, minHeight: 0, overflow: 'auto' },
});

/** As often as the main process renews the lease. */
const STATUS_POLL_MS = 30_000;

/**
 * Before anything else: is the database usable? Recovery mode replaces the app with the recovery
 * screen (the damaged data is not shown at all); read-only mode keeps the app under a banner saying why.
 */
export function SystemGate({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const status = useApiQuery(
    'system:status',
    {},
    {
      staleTime: Infinity,
      // A running instance can lose the network share's lease to another PC; asking again now and then
      // brings up the banner. Once read-only, it stays so until a restart.
      refetchInterval: (query) => (query.state.data?.mode === 'normal' ? STATUS_POLL_MS : false),
    },
  );
  if (status.isPending) return <StartingScreen />;
  // If even the status cannot be read, the session gate shows its own error.
  if (status.data?.mode === 'recovery') {
    return (
      <Suspense fallback={<StartingScreen />}>
        <RecoveryScreen reason={status.data.message ?? ''} />
      </Suspense>
    );
  }
  return (
    <div className={styles.frame}>
      {status.data?.mode === 'read-only' ? (
        <MessageBar intent="warning" layout="multiline" className={styles.banner}>
          <MessageBarBody>
            <MessageBarTitle>Bare lesing</MessageBarTitle>
            {status.data.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.app}>{children}</div>
    </div>
  );
}
