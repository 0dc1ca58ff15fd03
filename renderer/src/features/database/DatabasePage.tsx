import { makeStyles, tokens } from '@fluentui/react-components';
import { PageHeader } from '@renderer/components/PageHeader';
import { SectionCard } from '@renderer/components/SectionCard';
import { useApiQuery } from '@renderer/lib/query';
import { OpenSharedDatabaseForm } from './OpenSharedDatabaseForm';
import { ShareDatabaseSection } from './ShareDatabaseSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
});

/** «Delt database»: sharing this PC's database with the team (administrator), or opening one already shared. */
export function DatabasePage() {
  const styles = useStyles();
  const session = useApiQuery('session:get-current', {});
  const isAdmin = session.data?.member?.role === 'administrator';
  return (
    <div className={styles.stack}>
      <PageHeader title="Delt database" description="Hele teamet kan bruke den samme databasen samtidig, fra hver sin PC." />
      {isAdmin ? <ShareDatabaseSection /> : null}
      <SectionCard title="Åpne delt database" description="For en PC som skal bruke databasen en kollega har delt.">
        <OpenSharedDatabaseForm />
      </SectionCard>
    </div>
  );
}
