import {
  ChartMultiple20Filled,
  ChartMultiple20Regular,
  Clock20Filled,
  Clock20Regular,
  Folder20Filled,
  Folder20Regular,
  DocumentSearch20Filled,
  DocumentSearch20Regular,
  People20Filled,
  People20Regular,
  Settings20Filled,
  Settings20Regular,
  bundleIcon,
} from '@fluentui/react-icons';

export const ROUTES = ['saker', 'timer', 'statistikk', 'team', 'innstillinger', 'revisjonslogg'] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'saker';

/** `adminOnly`: shown to administrators only (the service refuses others anyway). */
export const NAVIGATION: readonly { route: Route; label: string; icon: ReturnType<typeof bundleIcon>; adminOnly?: boolean }[] = [
  { route: 'saker', label: 'Saker', icon: bundleIcon(Folder20Filled, Folder20Regular) },
  { route: 'timer', label: 'Timer', icon: bundleIcon(Clock20Filled, Clock20Regular) },
  { route: 'statistikk', label: 'Statistikk', icon: bundleIcon(ChartMultiple20Filled, ChartMultiple20Regular) },
  { route: 'team', label: 'Team', icon: bundleIcon(People20Filled, People20Regular) },
  { route: 'innstillinger', label: 'Innstillinger', icon: bundleIcon(Settings20Filled, Settings20Regular) },
  { route: 'revisjonslogg', label: 'Revisjonslogg', icon: bundleIcon(DocumentSearch20Filled, DocumentSearch20Regular), adminOnly: true },
];
