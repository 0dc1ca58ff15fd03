import type { ChannelName } from '@shared/contract';
import type { Handlers } from './context';

/** `cases` of `cases:create`: the part of a channel's name that says which service folder answers it. */
type ChannelPrefix = ChannelName extends `${infer Prefix}:${string}` ? Prefix : never;

type Loader = () => Promise<Partial<Handlers>>;

const reference: Loader = async () => (await import('./reference/handlers')).referenceHandlers;
const statistics: Loader = async () => (await import('./statistics/handlers')).statisticsHandlers;
const documents: Loader = async () => (await import('./documents/handlers')).documentsHandlers;

/**
 * The same domains as handlers.ts, each imported only when one of its channels is called: a command-line
 * call answers one channel (and signs in through `session:`), and importing every domain cost it more
 * than answering. The type makes every channel prefix name its folder.
 */
const LOADERS: Record<ChannelPrefix, Loader> = {
  session: async () => (await import('./session/handlers')).sessionHandlers,
  'team-members': async () => (await import('./team/handlers')).teamHandlers,
  municipalities: reference,
  categories: reference,
  'life-domains': reference,
  cases: async () => (await import('./cases/handlers')).casesHandlers,
  contacts: async () => (await import('./contacts/handlers')).contactsHandlers,
  network: async () => (await import('./network/handlers')).networkHandlers,
  overview: async () => (await import('./overview/handlers')).overviewHandlers,
  'time-entries': async () => (await import('./timeEntries/handlers')).timeEntriesHandlers,
  timesheet: async () => (await import('./timesheet/handlers')).timesheetHandlers,
  statistics,
  'cost-share': statistics,
  'annual-report': async () => (await import('./annualReport/handlers')).annualReportHandlers,
  settings: async () => (await import('./settings/handlers')).settingsHandlers,
  backups: async () => (await import('./backups/handlers')).backupsHandlers,
  system: async () => (await import('./system/handlers')).systemHandlers,
  database: async () => (await import('./database/handlers')).databaseHandlers,
  audit: async () => (await import('./audit/handlers')).auditHandlers,
  retention: async () => (await import('./retention/handlers')).retentionHandlers,
  templates: documents,
  documents,
  evaluations: documents,
};

/** The handlers of the domains these channels belong to (and of nothing else). */
export async function loadHandlers(channels: readonly ChannelName[]): Promise<Partial<Handlers>> {
  const prefixes = new Set(channels.map((channel) => channel.slice(0, channel.indexOf(':')) as ChannelPrefix));
  const maps = await Promise.all([...prefixes].map((prefix) => LOADERS[prefix]()));
  return Object.assign({}, ...maps) as Partial<Handlers>;
}
