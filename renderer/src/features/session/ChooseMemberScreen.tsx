import { Avatar, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CenteredScreen } from '../../components/CenteredScreen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useApiMutation, useApiQuery } from '../../lib/query';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  member: { width: '100%', justifyContent: 'flex-start', gap: tokens.spacingHorizontalM, padding: tokens.spacingVerticalM },
});

/** Nobody is signed in: the member picks who they are. */
export function ChooseMemberScreen() {
  const styles = useStyles();
  const members = useApiQuery('team-members:list', {});
  const signIn = useApiMutation('session:sign-in');

  return (
    <CenteredScreen title="Hvem er du?" intro="Velg deg selv i listen for å åpne Ettervern.">
      {signIn.error ? <ErrorMessage error={signIn.error} /> : null}
      {members.isPending ? <Loading /> : null}
      {members.error ? <ErrorMessage error={members.error} /> : null}
      {members.data?.length === 0 ? <Text>Ingen aktive teammedlemmer. Kontakt en administrator.</Text> : null}
      {members.data ? (
        <ul className={styles.list} aria-label="Teammedlemmer">
          {members.data.map((member) => (
            <li key={member.id}>
              <Button
                appearance="outline"
                size="large"
                className={styles.member}
                disabled={signIn.isPending}
                icon={<Avatar aria-hidden name={member.displayName} initials={member.initials} color="colorful" size={32} />}
                onClick={() => signIn.mutate({ username: member.username })}
              >
                {member.displayName} ({member.initials})
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </CenteredScreen>
  );
}
