import { z } from '../validation/zodNorwegian';
import { emptyInput } from './common';
import { mutationChannel, queryChannel } from './channel';
import { DATA_TABLES } from '../domain/dataTables';

export interface DatabaseInfoDto {
  /** The whole path, as this PC sees it (a mapped drive letter or a \\server\share path). */
  path: string;
  fileName: string;
  folder: string;
  /** Marked as shared inside the file: every PC opens it with the rollback journal and short write locks. */
  shared: boolean;
  /** SQLite's journal mode as opened: 'delete' for a shared or remote file, 'wal' for a local one. */
  journalMode: string;
  /** How many migrations the file has run. */
  schemaVersion: number;
}

export interface DatabaseChangesDto {
  /** Grows every time another connection (another PC, the command line) has committed data since the last look. */
  changeCount: number;
  /** Grows when another connection committed but wrote no data: a presence heartbeat. Only «who else is here» is out of date. */
  presenceCount: number;
  /** A newer Ettervern has migrated the file: this instance refuses every write until it is updated. */
  upgradedByNewer: boolean;
  /** The shared folder cannot be reached right now (network gone); the next call tries again. */
  unavailable: boolean;
}

export interface PresenceDto {
  /** Display name of the member signed in there, or «Ingen innlogget». */
  name: string;
  machine: string;
  lastSeenAt: string;
}

export interface DatabasePresenceDto {
  others: PresenceDto[];
}

/** A folder or a file chosen in a dialog, or typed: a Windows or a POSIX path. */
const pathSchema = z.string().trim().min(1).max(1000);

export const databaseChannels = {
  // Anonymous: the sign-in screen and «Åpne delt database» show which file this PC uses.
  'database:info': queryChannel<DatabaseInfoDto>()(
    emptyInput,
    'Hvilken databasefil denne PC-en bruker, og om den er delt med teamet',
    ['database_file', 'database_sharing'],
    { anonymous: true },
  ),
  // Polled every few seconds while the window is visible: one pragma read, and the audit log's last id
  // only when that moved (to tell a colleague's presence heartbeat from a real save).
  'database:changes': queryChannel<DatabaseChangesDto>()(
    emptyInput,
    'Om andre PC-er har lagret noe siden sist (så skjermen kan hentes på nytt)',
    ['database_file', 'audit_log'],
    { anonymous: true },
  ),
  'database:presence': queryChannel<DatabasePresenceDto>()(emptyInput, 'Hvem andre som har databasen åpen nå', ['presence', 'team_members']),
  'database:share': mutationChannel<{ path: string }>()(
    z.strictObject({ folder: pathSchema }),
    'Del databasen med teamet: kopier den til en felles mappe, kontroller kopien og bytt til den (administrator)',
    // This PC switches to the copy: everything it shows may change.
    [...DATA_TABLES, 'database_file'],
  ),
  // Anonymous: a new PC points at the team's file before anyone has signed in there.
  'database:open-shared': mutationChannel<{ path: string }>()(
    z.strictObject({ file: pathSchema }),
    'Åpne den delte databasen teamet bruker (huskes på denne PC-en)',
    [...DATA_TABLES, 'database_file'],
    { anonymous: true },
  ),
  // «Velg mappe…» / «Velg fil…»: the system's dialog, opened by main; null when cancelled. Anonymous,
  // since a new PC picks the shared file before anyone can sign in; a dialog reads and writes nothing.
  'database:choose-folder': queryChannel<{ path: string | null }>()(emptyInput, 'Velg en mappe i systemets mappevelger', [], { anonymous: true }),
  'database:choose-file': queryChannel<{ path: string | null }>()(emptyInput, 'Velg en databasefil i systemets filvelger', [], { anonymous: true }),
} as const;
