import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ApiCallError } from '@renderer/lib/api';
import { useApiMutation } from '@renderer/lib/query';
import { PathField } from './PathField';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * «Åpne delt database»: points this PC at the file the administrator shared (remembered on this PC).
 * On success the main process reopens the database and reloads the window, so the form's own «done»
 * is only seen for a moment.
 */
export function OpenSharedDatabaseForm() {
  const styles = useStyles();
  const open = useApiMutation('database:open-shared');
  const [file, setFile] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [opened, setOpened] = useState<string | null>(null);

  const run = async () => {
    setFailure(null);
    if (file.trim() === '') {
      setFailure(new ApiCallError('validation', 'Velg databasefilen som administratoren har delt (ettervern.sqlite på fellesområdet).'));
      return;
    }
    try {
      const result = await open.mutateAsync({ file: file.trim() });
      setOpened(result.path);
    } catch (error) {
      // The path stays as typed: a busy or briefly unreachable share is worth a second try.
      setFailure(error);
    }
  };

  return (
    <div className={styles.stack}>
      <Text>Bruk stien administratoren ga deg. Denne PC-en husker valget til neste gang.</Text>
      <PathField
        label="Delt databasefil"
        hint="For eksempel S:\Felles\Ettervern\ettervern.sqlite."
        value={file}
        onChange={setFile}
        pick="file"
        disabled={open.isPending}
      />
      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={open.isPending}>
          {open.isPending ? 'Åpner …' : 'Åpne delt database'}
        </Button>
      </div>
      {failure ? <ErrorMessage error={failure} title="Databasen ble ikke åpnet" /> : null}
      {opened ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>Åpner den delte databasen. Vinduet lastes på nytt.</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
