import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BackupDto } from '@shared/contract';
import { FormErrorMessage } from './ErrorMessage';
import { backupContents, backupTitle } from './backupText';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

/** The last stop before the team's data is replaced: which backup, what it holds, and what happens now. */
export function RestoreBackupDialog({
  backup,
  consequence,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  backup: BackupDto | null;
  /** What happens to the data as it is now, in a sentence. */
  consequence: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  return (
    <Dialog modalType="alert" open={backup !== null} onOpenChange={(_event, data) => (!data.open && !pending ? onCancel() : undefined)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Hente fram sikkerhetskopien?</DialogTitle>
          <DialogContent className={styles.content}>
            {backup ? (
              <dl className={styles.facts}>
                <dt className={styles.term}>Tatt</dt>
                <dd className={styles.detail}>{backupTitle(backup)}</dd>
                <dt className={styles.term}>Innhold</dt>
                <dd className={styles.detail}>{backupContents(backup)}</dd>
              </dl>
            ) : null}
            <Text>{consequence}</Text>
            <FormErrorMessage message={error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={pending}>
              {pending ? 'Henter fram …' : 'Hent fram'}
            </Button>
            <Button onClick={onCancel} disabled={pending}>
              Avbryt
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
