import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PageHeader } from '@renderer/components/PageHeader';
import { useCurrentMember } from '@renderer/lib/session';
import { EntryListSection } from './EntryListSection';
import { ImportPanel } from './ImportPanel';
import { TimeEntryForm } from './TimeEntryForm';
import { WeekView } from './WeekView';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type View = 'liste' | 'uke' | 'import';

export function TimeEntriesPage() {
  const styles = useStyles();
  const member = useCurrentMember();
  const [view, setView] = useState<View>('liste');
  return (
    <div className={styles.stack}>
      <PageHeader title="Timer" description="Registrer tidsbruk like raskt som i timelisten, se uka, og hent inn de gamle Excel-arkene." />
      {member ? <TimeEntryForm member={member} /> : null}
      <TabList selectedValue={view} onTabSelect={(_e, data) => setView(data.value as View)} aria-label="Visning">
        <Tab value="liste">Registreringer</Tab>
        <Tab value="uke">Uke</Tab>
        <Tab value="import">Importer timeark</Tab>
      </TabList>
      <section aria-label={view === 'liste' ? 'Registreringer' : view === 'uke' ? 'Uke' : 'Importer timeark'} className={styles.stack}>
        {view === 'liste' ? <EntryListSection /> : null}
        {view === 'uke' && member ? <WeekView member={member} /> : null}
        {view === 'import' ? <ImportPanel /> : null}
      </section>
    </div>
  );
}
