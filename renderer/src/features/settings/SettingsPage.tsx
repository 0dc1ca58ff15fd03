import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { Loading } from '@renderer/components/Loading';
import { PageHeader } from '@renderer/components/PageHeader';
import { useApiQuery } from '@renderer/lib/query';
import { BackupSection } from './BackupSection';
import { CostShareSection } from './CostShareSection';
import { GeneralSettingsSection } from './GeneralSettingsSection';
import { LifeDomainsSection } from './LifeDomainsSection';
import { PlaceholdersSection } from './PlaceholdersSection';
import { RetentionSection } from './RetentionSection';
import { TemplatesSection } from './TemplatesSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Innstillinger: one section per group of settings, each saving on its own. */
export function SettingsPage() {
  const styles = useStyles();
  const settings = useApiQuery('settings:get', {});
  const session = useApiQuery('session:get-current', {});
  const canEdit = session.data?.member?.role === 'administrator';

  return (
    <div className={styles.stack}>
      <PageHeader title="Innstillinger" description="Det som gjelder for hele teamet." />
      {settings.error ? <ErrorMessage error={settings.error} /> : null}
      {settings.isPending ? <Loading label="Henter innstillinger …" /> : null}
      {settings.data ? <GeneralSettingsSection settings={settings.data} canEdit={canEdit} /> : null}
      <LifeDomainsSection canEdit={canEdit} />
      <TemplatesSection canEdit={canEdit} />
      <PlaceholdersSection />
      <CostShareSection canEdit={canEdit} />
      {settings.data ? <BackupSection settings={settings.data} canEdit={canEdit} /> : null}
      {settings.data ? <RetentionSection canEdit={canEdit} /> : null}
    </div>
  );
}
