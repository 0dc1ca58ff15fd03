import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TeamMemberDto } from '@shared/contract';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { useApiQuery } from '@renderer/lib/query';
import { useCurrentMember } from '@renderer/lib/session';
import { NewTeamMemberDialog } from './NewTeamMemberDialog';
import { TeamTable } from './TeamTable';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function TeamPage() {
  const styles = useStyles();
  const member = useCurrentMember();
  const isAdmin = member?.role === 'administrator';
  const members = useApiQuery('team-members:list', { includeInactive: isAdmin });
  const [created, setCreated] = useState<TeamMemberDto | null>(null);

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Team"
        description="Teammedlemmene som registrerer timer og følger opp saker. Medlemmer slettes aldri, bare deaktiveres, så historikken beholdes."
        actions={isAdmin ? <NewTeamMemberDialog onCreated={setCreated} /> : undefined}
      />
      {created ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {created.displayName} ({created.initials}) er lagt til i teamet.
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Lukk meldingen" icon={<DismissRegular />} onClick={() => setCreated(null)} />}
          />
        </MessageBar>
      ) : null}
      {members.error ? <ErrorMessage error={members.error} /> : null}
      {members.isPending ? (
        <Loading label="Henter teammedlemmer …" />
      ) : members.data ? (
        <TeamTable members={members.data} adminId={isAdmin ? member.id : null} />
      ) : null}
    </div>
  );
}
