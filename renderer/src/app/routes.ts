import {
  ChartMultiple20Filled,
  ChartMultiple20Regular,
  Clock20Filled,
  Clock20Regular,
  Database20Filled,
  Database20Regular,
  Board20Filled,
  Board20Regular,
  BuildingMultiple20Filled,
  BuildingMultiple20Regular,
  Folder20Filled,
  Folder20Regular,
  DocumentSearch20Filled,
  DocumentSearch20Regular,
  PeopleCommunity20Filled,
  PeopleCommunity20Regular,
  People20Filled,
  People20Regular,
  Settings20Filled,
  Settings20Regular,
  bundleIcon,
} from '@fluentui/react-icons';

export const ROUTES = [
  'oversikt',
  'saker',
  'sak',
  'timer',
  'kontakter',
  'nettverk',
  'statistikk',
  'team',
  'innstillinger',
  'delt-database',
  'revisjonslogg',
] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'oversikt';

/** Pages reached from another page rather than from the menu, and the menu item they belong under. */
export const NAVIGATION_PARENT: Partial<Record<Route, Route>> = { sak: 'saker' };

/** `adminOnly`: shown to administrators only (the service refuses others anyway). */
export const NAVIGATION: readonly { route: Route; label: string; icon: ReturnType<typeof bundleIcon>; adminOnly?: boolean }[] = [
  { route: 'oversikt', label: 'Oversikt', icon: bundleIcon(Board20Filled, Board20Regular) },
  { route: 'saker', label: 'Saker', icon: bundleIcon(Folder20Filled, Folder20Regular) },
  { route: 'timer', label: 'Timer', icon: bundleIcon(Clock20Filled, Clock20Regular) },
  { route: 'kontakter', label: 'Samarbeidspartnere', icon: bundleIcon(BuildingMultiple20Filled, BuildingMultiple20Regular) },
  { route: 'nettverk', label: 'Nettverkslogg', icon: bundleIcon(PeopleCommunity20Filled, PeopleCommunity20Regular) },
  { route: 'statistikk', label: 'Statistikk', icon: bundleIcon(ChartMultiple20Filled, ChartMultiple20Regular) },
  { route: 'team', label: 'Team', icon: bundleIcon(People20Filled, People20Regular) },
  { route: 'innstillinger', label: 'Innstillinger', icon: bundleIcon(Settings20Filled, Settings20Regular) },
  { route: 'delt-database', label: 'Delt database', icon: bundleIcon(Database20Filled, Database20Regular) },
  { route: 'revisjonslogg', label: 'Revisjonslogg', icon: bundleIcon(DocumentSearch20Filled, DocumentSearch20Regular), adminOnly: true },
];
