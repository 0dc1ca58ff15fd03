import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PageHeader } from '@renderer/components/PageHeader';
import { currentYear } from '@renderer/lib/dates';
import { PeriodPicker, periodFromChoice, type PeriodChoice } from './PeriodPicker';
import { periodLabel } from './periodLabel';
import { STATISTICS_TABS } from './statisticsTabs';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** The landing place for statistics: one period for every tab, and a tab per way of looking at it. */
export function StatisticsPage() {
  const styles = useStyles();
  const year = currentYear();
  const [choice, setChoice] = useState<PeriodChoice>({ mode: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` });
  const [tabId, setTabId] = useState(STATISTICS_TABS[0]!.id);
  const chosen = periodFromChoice(choice);
  const tab = STATISTICS_TABS.find((t) => t.id === tabId) ?? STATISTICS_TABS[0]!;

  return (
    <div className={styles.stack}>
      <PageHeader title="Statistikk" description="Tidsbruk og saker for et år eller en periode, slik de går til kommunene og regionrådet." />
      <PeriodPicker value={choice} onChange={setChoice} problem={'problem' in chosen ? chosen.problem : undefined} />
      <TabList selectedValue={tab.id} onTabSelect={(_e, data) => setTabId(String(data.value))} aria-label="Statistikkvisninger">
        {STATISTICS_TABS.map((t) => (
          <Tab key={t.id} value={t.id}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={tab.label}>
        {'period' in chosen ? (
          <tab.Component period={chosen.period} periodLabel={periodLabel(chosen.period)} />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{chosen.problem}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
