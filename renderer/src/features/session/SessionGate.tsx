import type { ReactNode } from 'react';
import type { TeamMemberDto } from '../../../../shared/contract';
import { CenteredScreen } from '../../components/CenteredScreen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useSession } from '../../lib/session';
import { ChooseMemberScreen } from './ChooseMemberScreen';
import { FirstMemberScreen } from './FirstMemberScreen';

/** Shows the app only to a signed-in member; a fresh database first asks for the first member. */
export function SessionGate({ children }: { children: (member: TeamMemberDto) => ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading label="Starter Ettervern …" />;
  if (session.error) {
    return (
      <CenteredScreen title="Ettervern kunne ikke starte">
        <ErrorMessage error={session.error} />
      </CenteredScreen>
    );
  }
  if (session.data.needsFirstMember) return <FirstMemberScreen />;
  if (!session.data.member) return <ChooseMemberScreen />;
  return <>{children(session.data.member)}</>;
}
