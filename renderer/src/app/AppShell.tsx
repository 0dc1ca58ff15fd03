import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import type { TeamMemberDto } from '@shared/contract';
import { SignedInMember } from '@renderer/features/session';
import { AuditPage } from '@renderer/features/audit';
import { CasePage, CasesPage } from '@renderer/features/cases';
import { ContactsPage } from '@renderer/features/contacts';
import { NetworkPage } from '@renderer/features/network';
import { OverviewPage } from '@renderer/features/overview';
import { SettingsPage } from '@renderer/features/settings';
import { StatisticsPage } from '@renderer/features/statistics';
import { TeamPage } from '@renderer/features/team';
import { TimeEntriesPage } from '@renderer/features/time-entries';
import { useHashRoute } from '@renderer/lib/hashRoute';
import { Navigation } from './Navigation';
import { DEFAULT_ROUTE, NAVIGATION_PARENT, ROUTES, type Route } from './routes';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: '48px 1fr',
    gridTemplateColumns: 'auto 1fr',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  brandIcon: { fontSize: '24px' },
  main: { overflow: 'auto', padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}` },
  content: { maxWidth: '1200px' },
});

const PAGES: Record<Route, () => React.JSX.Element> = {
  oversikt: OverviewPage,
  saker: CasesPage,
  sak: CasePage,
  kontakter: ContactsPage,
  nettverk: NetworkPage,
  timer: TimeEntriesPage,
  statistikk: StatisticsPage,
  team: TeamPage,
  innstillinger: SettingsPage,
  revisjonslogg: AuditPage,
};

/** Header, left navigation and the current page. */
export function AppShell({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const [route] = useHashRoute(ROUTES, DEFAULT_ROUTE);
  const Page = PAGES[route];
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <PeopleTeamRegular className={styles.brandIcon} aria-hidden />
          <Text size={500} weight="semibold">
            Ettervern
          </Text>
        </div>
        <SignedInMember member={member} />
      </header>
      <Navigation current={NAVIGATION_PARENT[route] ?? route} isAdmin={member.role === 'administrator'} />
      <main className={styles.main}>
        <div className={styles.content}>
          <Page key={route} />
        </div>
      </main>
    </div>
  );
}
