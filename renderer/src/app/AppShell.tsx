import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, lazy, type ComponentType } from 'react';
import { PeopleTeamRegular } from '@fluentui/react-icons';
import type { TeamMemberDto } from '@shared/contract';
import { SignedInMember } from '@renderer/features/session';
import { DatabaseBanner, PresenceIndicator, useDatabaseWatch } from '@renderer/features/database';
import { Loading } from '@renderer/components/Loading';
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
  // A page with a long list of its own (Timer) fills the window and scrolls only that list.
  fill: { height: '100%' },
});

const FILLS_WINDOW: ReadonlySet<Route> = new Set(['timer']);

/** A page's code, fetched the first time the page is opened: start-up runs only what the first screen needs. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return lazy(() => load().then((module) => ({ default: pick(module) })));
}

const PAGES: Record<Route, ComponentType> = {
  oversikt: page(
    () => import('@renderer/features/overview'),
    (m) => m.OverviewPage,
  ),
  saker: page(
    () => import('@renderer/features/cases'),
    (m) => m.CasesPage,
  ),
  sak: page(
    () => import('@renderer/features/cases'),
    (m) => m.CasePage,
  ),
  kontakter: page(
    () => import('@renderer/features/contacts'),
    (m) => m.ContactsPage,
  ),
  nettverk: page(
    () => import('@renderer/features/network'),
    (m) => m.NetworkPage,
  ),
  timer: page(
    () => import('@renderer/features/time-entries'),
    (m) => m.TimeEntriesPage,
  ),
  statistikk: page(
    () => import('@renderer/features/statistics'),
    (m) => m.StatisticsPage,
  ),
  team: page(
    () => import('@renderer/features/team'),
    (m) => m.TeamPage,
  ),
  innstillinger: page(
    () => import('@renderer/features/settings'),
    (m) => m.SettingsPage,
  ),
  'delt-database': page(
    () => import('@renderer/features/database'),
    (m) => m.DatabasePage,
  ),
  revisjonslogg: page(
    () => import('@renderer/features/audit'),
    (m) => m.AuditPage,
  ),
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
          <div className={mergeClasses(styles.content, FILLS_WINDOW.has(route) && styles.fill)}>
            <Suspense fallback={<Loading label="Henter siden …" />}>
              <Page key={route} />
            </Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
