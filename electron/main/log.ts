import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Everything the log may ever say. Closed shapes instead of free text, so no payload, error message,
 * file path or name can find its way in: the file sits in the user's profile and may be sent to support.
 */
export type LogEvent =
  | { event: 'startup'; version: string; electron: string; platform: string; arch: string; packaged: boolean; databaseSource: string }
  | { event: 'startup-failed'; errorName: string }
  | { event: 'database-opened'; mode?: string; check?: string }
  | { event: 'integrity-check-failed' }
  | { event: 'integrity-check-unfinished'; errorName: string }
  | { event: 'backup-failed'; errorName: string }
  | { event: 'audit-merge-failed'; errorName: string }
  | { event: 'audit-witness-unavailable'; errorName: string }
  | { event: 'presence-failed'; errorName: string }
  | { event: 'restart-after-restore' }
  | { event: 'database-switch' }
  | { event: 'upgrade-despite-others' }
  | { event: 'database-open-failed'; errorName: string; kind?: string; sqliteCode?: string }
  | { event: 'channel-error'; channel: string; errorName: string; sqliteCode?: string }
  | { event: 'ipc-forbidden'; channel: string }
  | { event: 'renderer-gone'; reason: string }
  | { event: 'shutdown' };

export interface Log {
  write(entry: LogEvent): void;
}

export const LOG_FILE_NAME = 'ettervern.log';
/** One previous file is kept; the log stays small without anyone having to clean it. */
const MAX_LOG_BYTES = 1_000_000;

export function logFilePath(userDataDir: string): string {
  return join(userDataDir, 'logs', LOG_FILE_NAME);
}

/** `2024-01-31T12:00:00.000Z channel-error channel=cases:create errorName=TypeError` */
export function formatLogLine(entry: LogEvent, now: Date): string {
  const fields = Object.entries(entry)
    .filter(([key, value]) => key !== 'event' && value !== undefined)
    .map(([key, value]) => `${key}=${sanitize(String(value))}`);
  return [now.toISOString(), entry.event, ...fields].join(' ');
}

// Values are identifiers, but a line break or an overlong value must not forge or flood lines.
function sanitize(value: string): string {
  return value.replace(/[^\p{L}\p{N}_.:\-/]/gu, '_').slice(0, 80);
}

export function createFileLog(filePath: string, now: () => Date = () => new Date()): Log {
  let ready = false;
  return {
    write(entry) {
      try {
        if (!ready) {
          mkdirSync(dirname(filePath), { recursive: true });
          ready = true;
        }
        rotateIfLarge(filePath);
        appendFileSync(filePath, `${formatLogLine(entry, now())}\n`, 'utf8');
      } catch {
        // Logging must never be the reason the app stops working.
      }
    },
  };
}

function rotateIfLarge(filePath: string): void {
  try {
    if (statSync(filePath).size < MAX_LOG_BYTES) return;
  } catch {
    return;
  }
  renameSync(filePath, `${filePath}.1`);
}
