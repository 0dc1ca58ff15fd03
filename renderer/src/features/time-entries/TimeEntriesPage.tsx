import { Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PageHeader } from '@renderer/components/PageHeader';
import { useCurrentMember } from '@renderer/lib/session';
import { EntryListSection } from './EntryListSection';
import type { EntryFilter } from './EntryFilters';
import { monthFilter } from './monthFilter';
import { ImportPanel } from './ImportPanel';
import { TimeEntryForm } from './TimeEntryForm';
import { WeekGrid } from './WeekGrid';

const useStyles = makeStyles({
  // The page fills the window and the list below takes what is left: one scroll area (the list's own),
  // not a scroll box inside a scrolling page.
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, height: '100%', minHeight: 0 },
  view: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  // The week and the import are short pages of their own; on a small window they scroll here.
  scrolls: { overflowY: 'auto' },
});

type View = 'liste' | 'uke' | 'import';

export function TimeEntriesPage() {
  const styles = useStyles();
  const member = useCurrentMember();
  const [view, setView] = useState<View>('liste');
  // Opens on the member's own entries this month: what a member checks most; «Hele teamet» is one click.
  const [filter, setFilter] = useState<EntryFilter>(() => monthFilter(member?.id));
  return (
    <div className={styles.page}>
      <PageHeader title="Timer" />
      {member ? <TimeEntryForm member={member} /> : null}
      <TabList selectedValue={view} onTabSelect={(_e, data) => setView(data.value as View)} aria-label="Visning">
        <Tab value="liste">Registreringer</Tab>
        <Tab value="uke">Uke</Tab>
        <Tab value="import">Importer timeark</Tab>
      </TabList>
      <section
        aria-label={view === 'liste' ? 'Registreringer' : view === 'uke' ? 'Uke' : 'Importer timeark'}
        className={mergeClasses(styles.view, view !== 'liste' && styles.scrolls)}
      >
        {view === 'liste' ? <EntryListSection filter={filter} onFilterChange={setFilter} memberId={member?.id} /> : null}
        {view === 'uke' && member ? (
          <WeekGrid
            member={member}
            onShowDay={(date, memberId) => {
              setFilter({ from: date, to: date, teamMemberId: memberId });
              setView('liste');
            }}
          />
        ) : null}
        {view === 'import' ? <ImportPanel /> : null}
      </section>
    </div>
  );
}
