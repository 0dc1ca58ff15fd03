import { Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleRegular } from '@fluentui/react-icons';
import { useApiQuery } from '@renderer/lib/query';
import { presenceLine } from './presenceText';

/** As often as the other instances renew their heartbeat. */
export const PRESENCE_POLL_MS = 30_000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    color: tokens.colorNeutralForeground2,
  },
  text: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  icon: { flex: 'none', fontSize: '16px' },
});

/** The header's «Også inne nå: …»: who else has the database open. Nothing at all when you are alone. */
export function PresenceIndicator() {
  const styles = useStyles();
  const presence = useApiQuery('database:presence', {}, { refetchInterval: PRESENCE_POLL_MS, staleTime: PRESENCE_POLL_MS });
  const line = presenceLine(presence.data?.others ?? []);
  if (!line) return null;
  return (
    <Tooltip content={line.full} relationship="description">
      <div className={styles.root} role="status" tabIndex={0}>
        <PeopleRegular className={styles.icon} aria-hidden />
        <Text size={200} className={styles.text}>
          {line.short}
        </Text>
      </div>
    </Tooltip>
  );
}
