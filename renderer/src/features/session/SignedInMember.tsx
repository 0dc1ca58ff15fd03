import { Avatar, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { KeyRegular, LockClosedRegular, SignOutRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TeamMemberDto } from '@shared/contract';
import { useApiMutation } from '@renderer/lib/query';
import { ChangePasswordDialog } from './ChangePasswordDialog';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The header's «Innlogget som …», «Bytt passord», «Lås skjermen» and «Logg ut». */
export function SignedInMember({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const signOut = useApiMutation('session:sign-out');
  const lock = useApiMutation('session:lock');
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <div className={styles.root}>
      <div className={styles.who}>
        <Avatar aria-hidden name={member.displayName} initials={member.initials} color="colorful" size={28} />
        <Text>
          Innlogget som {member.displayName} ({member.initials})
        </Text>
      </div>
      <Button appearance="subtle" icon={<KeyRegular />} onClick={() => setChangingPassword(true)}>
        Bytt passord
      </Button>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      <Button appearance="subtle" icon={<LockClosedRegular />} disabled={lock.isPending} onClick={() => lock.mutate({})} title="Ctrl+L">
        Lås skjermen
      </Button>
      <Button appearance="subtle" icon={<SignOutRegular />} disabled={signOut.isPending} onClick={() => signOut.mutate({})}>
        Logg ut
      </Button>
    </div>
  );
}
