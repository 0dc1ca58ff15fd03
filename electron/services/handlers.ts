import type { Handlers } from './context';
import { annualReportHandlers } from './annualReport/handlers';
import { auditHandlers } from './audit/handlers';
import { backupsHandlers } from './backups/handlers';
import { casesHandlers } from './cases/handlers';
import { contactsHandlers } from './contacts/handlers';
import { databaseHandlers } from './database/handlers';
import { documentsHandlers } from './documents/handlers';
import { networkHandlers } from './network/handlers';
import { overviewHandlers } from './overview/handlers';
import { referenceHandlers } from './reference/handlers';
import { retentionHandlers } from './retention/handlers';
import { sessionHandlers } from './session/handlers';
import { settingsHandlers } from './settings/handlers';
import { statisticsHandlers } from './statistics/handlers';
import { systemHandlers } from './system/handlers';
import { teamHandlers } from './team/handlers';
import { timeEntriesHandlers } from './timeEntries/handlers';
import { timesheetHandlers } from './timesheet/handlers';

export type { Handler, Handlers } from './context';

/**
 * One service function per channel, composed from the domains. Each domain's map is typed by its channel
 * prefixes, so a channel without a handler is a compile error and no channel can belong to two domains.
 */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...teamHandlers,
  ...referenceHandlers,
  ...casesHandlers,
  ...contactsHandlers,
  ...networkHandlers,
  ...overviewHandlers,
  ...timeEntriesHandlers,
  ...timesheetHandlers,
  ...statisticsHandlers,
  ...annualReportHandlers,
  ...settingsHandlers,
  ...backupsHandlers,
  ...systemHandlers,
  ...databaseHandlers,
  ...auditHandlers,
  ...retentionHandlers,
  ...documentsHandlers,
};
