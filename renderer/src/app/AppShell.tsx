import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import type { TeamMemberDto } from '@shared/contract';
import { SignedInMember } from '@renderer/features/session';
import { AuditPage } from '@renderer/features/audit';
import { CasePage, CasesPage } from '@renderer/features/cases';
import { DatabaseBanner, DatabasePage, PresenceIndicator, useDatabaseWatch } from '@renderer/features/database';
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
  // The database banner takes its own height above the shell, so the shell never scrolls as a whole.
  frame: { display: 'flex', flexDirection: 'column', height: '100%' },
  shell: {
    flex: 1,
    minHeight: 0,
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
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  brandIcon: { fontSize: '24px' },
  // Presence gives way (ellipsis) before the signed-in member's buttons do.
  presence: { flex: 1, minWidth: 0, display: 'flex', justifyContent: 'flex-end' },
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
  'delt-database': DatabasePage,
  revisjonslogg: AuditPage,
};

/**
 * Header, left navigation and the current page. It also watches the database for colleagues' saves
 * (refreshing every cached answer) and, when a newer version has upgraded the file, blocks the app
 * under the banner: this version must not write into a schema it does not know.
 */
export function AppShell({ member }: { member: TeamMemberDto }) {
  const styles = useStyles();
  const [route] = useHashRoute(ROUTES, DEFAULT_ROUTE);
  const banner = useDatabaseWatch();
  const Page = PAGES[route];
  return (
    <div className={styles.frame}>
      <DatabaseBanner banner={banner} />
      <div className={styles.shell} inert={banner === 'upgraded'}>
        <header className={styles.header}>
          <div className={styles.brand}>
            <PeopleTeamRegular className={styles.brandIcon} aria-hidden />
            <Text size={500} weight="semibold">
              Ettervern
            </Text>
          </div>
          <div className={styles.presence}>
            <PresenceIndicator />
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
    </div>
  );
}
