import { Button, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { SectionCard } from '@renderer/components/SectionCard';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ApiCallError } from '@renderer/lib/api';
import { useApiMutation } from '@renderer/lib/query';
import { PathField } from './PathField';

const useStyles = makeStyles({
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  path: { flex: 1, minWidth: '320px', fontFamily: tokens.fontFamilyMonospace },
});

/**
 * «Del databasen med teamet»: the administrator picks a folder on the team's file share; the service
 * copies the database there, checks the copy, marks it shared and this PC switches to it. The answer is
 * the path the colleagues open with «Åpne delt database».
 */
export function ShareDatabaseSection() {
  const styles = useStyles();
  const share = useApiMutation('database:share');
  const [folder, setFolder] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [sharedPath, setSharedPath] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const run = async () => {
    setFailure(null);
    setCopied(null);
    if (folder.trim() === '') {
      setFailure(new ApiCallError('validation', 'Velg mappen på fellesområdet der databasen skal ligge.'));
      return;
    }
    try {
      const result = await share.mutateAsync({ folder: folder.trim() });
      setSharedPath(result.path);
    } catch (error) {
      // The folder stays as typed, so «prøv igjen» is one click when the database was only busy.
      setFailure(error);
    }
  };
  const copy = async () => {
    if (!sharedPath) return;
    try {
      await navigator.clipboard.writeText(sharedPath);
      setCopied('Stien er kopiert. Lim den inn i en e-post eller melding til kollegene.');
    } catch {
      setCopied('Kunne ikke kopiere automatisk. Merk stien og kopier den med Ctrl+C.');
    }
  };

  return (
    <SectionCard title="Del databasen med teamet" description="For administrator. Gjøres én gang, fra PC-en som har databasen i dag.">
      <ol className={styles.steps}>
        <li>Velg en mappe på teamets fellesområde (en vanlig delt mappe eller tilordnet stasjon, ikke OneDrive eller Teams).</li>
        <li>Ettervern kopierer databasen dit, kontrollerer kopien og merker den som delt.</li>
        <li>Denne PC-en bytter til den delte databasen, og vinduet lastes på nytt.</li>
        <li>Gi stien som vises under, til kollegene. De velger «Åpne delt database» på sin PC.</li>
      </ol>
      <PathField
        label="Mappe på fellesområdet"
        hint="For eksempel S:\Felles\Ettervern eller \\server\felles\Ettervern."
        value={folder}
        onChange={setFolder}
        pick="folder"
        disabled={share.isPending}
      />
      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={share.isPending}>
          {share.isPending ? 'Deler databasen …' : 'Del databasen'}
        </Button>
      </div>
      {failure ? <ErrorMessage error={failure} title="Databasen ble ikke delt" /> : null}
      {sharedPath ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Databasen er delt</MessageBarTitle>
            Gi denne stien til kollegene:
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {sharedPath ? (
        <div className={styles.row}>
          <Input className={styles.path} value={sharedPath} readOnly aria-label="Sti til den delte databasen" />
          <Button icon={<CopyRegular />} onClick={copy}>
            Kopier stien
          </Button>
        </div>
      ) : null}
      {copied ? <Text role="status">{copied}</Text> : null}
    </SectionCard>
  );
}
