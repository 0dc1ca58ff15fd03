import { Button, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { SettingsDto } from '@shared/contract';
import { BACKUP_RETENTION } from '@shared/domain/backups';
import { BackupPicker } from '@renderer/components/BackupPicker';
import { ErrorMessage, FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { Loading } from '@renderer/components/Loading';
import { RestoreBackupDialog } from '@renderer/components/RestoreBackupDialog';
import { backupTitle } from '@renderer/components/backupText';
import { errorMessage, isStaleVersion } from '@renderer/lib/api';
import { placeApiError } from '@renderer/lib/formErrors';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { useEditedVersion } from '@renderer/lib/useEditedVersion';
import { useRestoreBackup } from '@renderer/lib/useRestoreBackup';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  // Level with the input, below the field's label.
  besideField: { marginTop: tokens.spacingVerticalXXL },
  folder: { minWidth: '420px' },
  folderPath: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  list: { maxHeight: '360px', overflowY: 'auto' },
});

/** Sikkerhetskopier: where they go, taking one now, and (for an administrator) getting one back. */
export function BackupSection({ settings, canEdit }: { settings: SettingsDto; canEdit: boolean }) {
  const styles = useStyles();
  const list = useApiQuery('backups:list', {});
  const create = useApiMutation('backups:create');
  const saveFolder = useApiMutation('settings:update');
  const [folder, setFolder] = useState(settings.backupFolder ?? '');
  const stale = isStaleVersion(saveFolder.error);
  const edited = useEditedVersion(settings.version, stale);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The folder's refusal is said under the folder field, which gets the focus; the banner is for the rest.
  const [folderError, setFolderError] = useState<{ message: string; attempt: number } | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (folderError) folderInput.current?.focus();
  }, [folderError]);
  const backups = list.data?.backups ?? [];
  const restore = useRestoreBackup(backups);

  const takeNow = async () => {
    setNotice(null);
    setFailure(null);
    setFolderError(null);
    try {
      const made = await create.mutateAsync({});
      setNotice(`Sikkerhetskopi tatt og kontrollert: ${backupTitle(made)}.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const storeFolder = async () => {
    setNotice(null);
    setFailure(null);
    setFolderError(null);
    try {
      await saveFolder.mutateAsync({ version: edited.version(), backupFolder: folder.trim() === '' ? null : folder.trim() });
      edited.saved();
      setNotice('Mappen for sikkerhetskopier er lagret.');
    } catch (error) {
      const placed = placeApiError(error, ['backupFolder'] as const);
      const message = placed.atFields.backupFolder;
      if (message !== undefined) setFolderError((before) => ({ message, attempt: (before?.attempt ?? 0) + 1 }));
      setFailure(placed.banner);
    }
  };

  return (
    <SettingsSection
      title="Sikkerhetskopier"
      description={`Ettervern tar en kontrollert kopi ved oppstart og hver dag, og beholder én per dag i ${BACKUP_RETENTION.daily} dager og én per måned i ${BACKUP_RETENTION.monthly} måneder. Velg gjerne en mappe på en annen disk.`}
    >
      {list.data ? (
        <Text>
          Mappe: <span className={styles.folderPath}>{list.data.folder}</span>
        </Text>
      ) : null}
      {list.data?.folderWarning ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{list.data.folderWarning}</MessageBarBody>
        </MessageBar>
      ) : null}
      {canEdit ? (
        <div className={styles.row}>
          <FormField
            label="Mappe for sikkerhetskopier"
            hint="Tom betyr standardmappen ved siden av databasen."
            className={styles.folder}
            validationMessage={folderError?.message}
          >
            <Input
              ref={folderInput}
              value={folder}
              onChange={(_event, data) => {
                edited.touch();
                setFolder(data.value);
                setFolderError(null);
              }}
              maxLength={500}
            />
          </FormField>
          <Button className={styles.besideField} onClick={storeFolder} disabled={saveFolder.isPending}>
            Lagre mappe
          </Button>
        </div>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" onClick={takeNow} disabled={create.isPending}>
          {create.isPending ? 'Tar sikkerhetskopi …' : 'Ta sikkerhetskopi nå'}
        </Button>
      </div>
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <FormErrorMessage message={failure} stale={stale} />
      {restore.result ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Sikkerhetskopien fra {backupTitle(restore.result.restored)} er hentet fram. Databasen slik den var, ligger som{' '}
            {restore.result.safetyCopy ? `«${restore.result.safetyCopy}»` : 'en egen kopi'} i mappen.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.isPending ? <Loading label="Henter sikkerhetskopier …" /> : null}
      {list.data && backups.length === 0 ? <Text>Ingen sikkerhetskopier ennå.</Text> : null}
      {backups.length > 0 ? (
        <>
          <div className={styles.list}>
            <BackupPicker backups={backups} value={restore.selected} onChange={restore.select} label="Sikkerhetskopier" />
          </div>
          {canEdit ? (
            <div className={styles.row}>
              <Button onClick={restore.askToConfirm} disabled={!restore.chosen}>
                Hent fram valgt sikkerhetskopi …
              </Button>
            </div>
          ) : (
            <Text>Bare en administrator kan hente fram en sikkerhetskopi.</Text>
          )}
        </>
      ) : null}
      <RestoreBackupDialog
        backup={restore.confirming}
        consequence="Alt som er lagret etter at kopien ble tatt, erstattes. Databasen slik den er nå, kopieres først til mappen for sikkerhetskopier."
        pending={restore.pending}
        error={restore.error}
        onConfirm={restore.confirm}
        onCancel={restore.cancel}
      />
    </SettingsSection>
  );
}
