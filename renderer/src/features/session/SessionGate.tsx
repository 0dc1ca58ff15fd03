import { Suspense, lazy, type ReactNode } from 'react';
import type { TeamMemberDto } from '@shared/contract';
import { CenteredScreen } from '@renderer/components/CenteredScreen';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { StartingScreen } from '@renderer/components/StartingScreen';
import { useSession } from '@renderer/lib/session';
import { LockScreen } from './LockScreen';
import { SignInScreen } from './SignInScreen';
import { useScreenLock } from './useScreenLock';

// Fetched when needed: only a fresh database asks for its first member, and every other start-up waits
// only for the sign-in form. (The lock screen stays in: it must take focus in the same render that hides
// the app, to give it back where the member was working.)
const FirstMemberScreen = lazy(() => import('./FirstMemberScreen').then((m) => ({ default: m.FirstMemberScreen })));

/**
 * Shows the app only to a signed-in member; a fresh database first asks for the first member.
 * While the screen is locked the app stays mounted — unsaved form input survives — but is inert,
 * hidden from screen readers and covered by the lock screen.
 */
export function SessionGate({
  children,
  beforeSignIn,
}: {
  children: (member: TeamMemberDto) => ReactNode;
  /** Offered on the screens before anyone is signed in (opening the team's shared database on a new PC). */
  beforeSignIn?: ReactNode;
}) {
  const session = useSession();
  const member = session.data?.member ?? null;
  const locked = session.data?.locked === true;
  useScreenLock(member !== null && !locked);

  if (session.isPending) return <StartingScreen />;
  if (session.error) {
    return (
      <CenteredScreen title="Ettervern kunne ikke starte">
        <ErrorMessage error={session.error} />
      </CenteredScreen>
    );
  }
  if (session.data.needsFirstMember) {
    return (
      <Suspense fallback={<StartingScreen />}>
        <FirstMemberScreen extra={beforeSignIn} />
      </Suspense>
    );
  }
  if (!member) return <SignInScreen extra={beforeSignIn} />;
  return (
    <>
      <div style={{ height: '100%', visibility: locked ? 'hidden' : undefined }}>{children(member)}</div>
      {locked ? <LockScreen member={member} /> : null}
    </>
  );
}
