import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { BackupPicker } from '@renderer/components/BackupPicker';
import { CenteredScreen } from '@renderer/components/CenteredScreen';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { RestoreBackupDialog } from '@renderer/components/RestoreBackupDialog';
import { backupTitle } from '@renderer/components/backupText';
import { useApiQuery } from '@renderer/lib/query';
import { useRestoreBackup } from '@renderer/lib/useRestoreBackup';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  folder: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  list: { maxHeight: '320px', overflowY: 'auto' },
});

/**
 * Shown instead of the app when the start-up check found damage. Nothing here changes the damaged file
 * until the user has chosen a backup and confirmed; the newest intact backup is chosen in advance.
 */
export function RecoveryScreen({ reason }: { reason: string }) {
  const styles = useStyles();
  const list = useApiQuery('backups:list', {});
  const backups = list.data?.backups ?? [];
  const restore = useRestoreBackup(backups);
  const newestIntact = backups.find((backup) => backup.intact) ?? null;
  const { selected, select } = restore;
  useEffect(() => {
    if (!selected && newestIntact && !restore.result) select(newestIntact.fileName);
  }, [selected, select, newestIntact, restore.result]);

  if (restore.result) {
    return (
      <CenteredScreen title="Sikkerhetskopien er hentet fram">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>Dataene fra {backupTitle(restore.result.restored)} er lagt tilbake. Ettervern starter på nytt om et øyeblikk.</MessageBarBody>
        </MessageBar>
        {restore.result.safetyCopy ? <Text>Den skadde databasen er tatt vare på som «{restore.result.safetyCopy}» i mappen for sikkerhetskopier.</Text> : null}
      </CenteredScreen>
    );
  }

  return (
    <CenteredScreen title="Databasen må hentes fram fra en sikkerhetskopi" intro={reason}>
      <div className={styles.stack}>
        {list.error ? <ErrorMessage error={list.error} /> : null}
        {list.isPending ? <Loading label="Leter etter sikkerhetskopier …" /> : null}
        {list.data ? (
          <Text>
            Mappe: <span className={styles.folder}>{list.data.folder}</span>
          </Text>
        ) : null}
        {list.data && !newestIntact ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Fant ingen hele sikkerhetskopier</MessageBarTitle>
              Kontakt den som drifter Ettervern. Ikke slett eller flytt databasefilen.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {backups.length > 0 ? (
          <div className={styles.list}>
            <BackupPicker backups={backups} value={restore.selected} onChange={restore.select} label="Sikkerhetskopier" />
          </div>
        ) : null}
        {newestIntact ? (
          <Button appearance="primary" onClick={restore.askToConfirm} disabled={!restore.chosen}>
            Hent fram valgt sikkerhetskopi …
          </Button>
        ) : null}
      </div>
      <RestoreBackupDialog
        backup={restore.confirming}
        consequence="Den skadde databasen slettes ikke: den flyttes til mappen for sikkerhetskopier før kopien legges på plass."
        pending={restore.pending}
        error={restore.error}
        onConfirm={restore.confirm}
        onCancel={restore.cancel}
      />
    </CenteredScreen>
  );
}
