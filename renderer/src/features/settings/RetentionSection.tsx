import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatCount } from '@shared/count';
import { formatNorwegianDate } from '@shared/format';
import { ConfirmButton } from '@renderer/components/ConfirmButton';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { errorMessage } from '@renderer/lib/api';
import { useApiMutation, useApiQuery } from '@renderer/lib/query';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/**
 * Oppbevaring: closed cases past the retention time are reduced to statistics. The administrator sees
 * what goes, confirms, and the run compacts the file so the removed text is gone from disk too.
 */
export function RetentionSection({ canEdit }: { canEdit: boolean }) {
  const styles = useStyles();
  const [asked, setAsked] = useState(false);
  const preview = useApiQuery('retention:preview', {}, { enabled: canEdit && asked });
  const run = useApiMutation('retention:run');
  const due = preview.data?.cases ?? [];

  return (
    <SettingsSection
      title="Oppbevaring"
      description="Avsluttede saker reduseres til statistikk når oppbevaringstiden er ute: fritekst og koblinger fjernes, mens kommune, år, hendelse, timer og antall beholdes, så årstallene ikke endres."
    >
      {!canEdit ? <Text>Bare administrator kan kjøre oppbevaringsregelen.</Text> : null}
      {canEdit ? (
        <div className={styles.actions}>
          <Button onClick={() => (asked ? void preview.refetch() : setAsked(true))} disabled={preview.isFetching}>
            Forhåndsvis
          </Button>
        </div>
      ) : null}
      {/* A new preview clears the last one's refusal while it runs; a refused run is said in its confirmation dialog. */}
      {preview.error && !preview.isFetching ? <ErrorMessage error={preview.error} /> : null}
      {run.data ? (
        <MessageBar intent={run.data.warning ? 'warning' : 'success'}>
          <MessageBarBody>
            {formatCount(run.data.reducedCases, 'sak')} er redusert til statistikk. Årstallene for {run.data.yearsChecked.join(', ')} er kontrollert og uendret.
            {run.data.compacted ? ' Databasefilen er komprimert.' : ''}
            {run.data.warning ? ` ${run.data.warning}` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {preview.data ? (
        <>
          <Text>
            Oppbevaringstid {preview.data.retentionYears} år: saker avsluttet {formatNorwegianDate(preview.data.cutoffDate)} eller tidligere er forfalt.
          </Text>
          {due.length === 0 ? (
            <Text weight="semibold">Ingen saker er forfalt nå.</Text>
          ) : (
            <>
              <Text weight="semibold">
                {formatCount(due.length, 'sak')}: {due.map((c) => c.code).join(', ')}
              </Text>
              <Text>Dette fjernes:</Text>
              <ul className={styles.list} aria-label="Dette fjernes">
                {preview.data.rules.map((rule) => (
                  <li key={rule.key}>
                    {rule.label}: {formatCount(rule.rows, 'rad')}
                  </li>
                ))}
              </ul>
              <ConfirmButton
                primary
                triggerLabel={`Reduser ${formatCount(due.length, 'sak')} …`}
                title={`Reduser ${formatCount(due.length, 'sak')} til statistikk?`}
                confirmLabel="Reduser til statistikk"
                onConfirm={async () => {
                  try {
                    await run.mutateAsync({ caseIds: due.map((c) => c.id) });
                    return null;
                  } catch (error) {
                    return errorMessage(error);
                  } finally {
                    void preview.refetch();
                  }
                }}
              >
                Innholdet over slettes for godt og kan ikke hentes tilbake (bortsett fra fra eldre sikkerhetskopier). Kjøringen stoppes og ingenting endres hvis
                årstallene for tidligere år ville blitt endret.
              </ConfirmButton>
            </>
          )}
        </>
      ) : null}
    </SettingsSection>
  );
}
