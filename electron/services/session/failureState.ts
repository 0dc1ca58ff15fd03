import { pendingAuditEntries } from '../audit/pendingAudit';
import { pendingAuditLocation, type WhereAuditGoes } from '../audit/recordAudit';
import type { TeamMemberRow } from '../../db/schema';
import type { FailureState } from './lockout';

/**
 * A member's wrong passwords in a row, counting those recorded while the database was read-only (they
 * wait beside the database and cannot move the counter in team_members until a writer merges them).
 * A sign-in waiting there clears what the database says, as it would have had it been written.
 */
export function memberFailureState(ctx: WhereAuditGoes, row: TeamMemberRow): FailureState {
  let state: FailureState = { failedSignIns: row.failed_sign_ins, lastFailedAt: row.last_failed_sign_in_at };
  const recordId = String(row.id);
  for (const entry of pendingAuditEntries(pendingAuditLocation(ctx))) {
    if (entry.recordType !== 'session' || entry.recordId !== recordId) continue;
    if (entry.action === 'sign-in') state = { failedSignIns: 0, lastFailedAt: null };
    else if (entry.action === 'sign-in-failed') state = { failedSignIns: state.failedSignIns + 1, lastFailedAt: entry.at };
  }
  return state;
}

/**
 * Wrong passwords for usernames that name no active member with a password, counted in memory only,
 * so an unknown name meets the same slowdown and lock messages as a real one and the answers cannot
 * tell them apart. Bounded: the oldest names are forgotten first.
 */
const MAX_UNKNOWN_NAMES = 10_000;
const unknownFailures = new Map<string, FailureState>();

function nameKey(databasePath: string, username: string): string {
  return `${databasePath}\u0000${username.normalize('NFC').toLowerCase()}`;
}

export function unknownNameFailureState(databasePath: string, username: string): FailureState {
  return unknownFailures.get(nameKey(databasePath, username)) ?? { failedSignIns: 0, lastFailedAt: null };
}

export function countUnknownNameFailure(databasePath: string, username: string, now: Date): void {
  const key = nameKey(databasePath, username);
  const before = unknownFailures.get(key);
  unknownFailures.delete(key);
  unknownFailures.set(key, { failedSignIns: (before?.failedSignIns ?? 0) + 1, lastFailedAt: now.toISOString() });
  if (unknownFailures.size > MAX_UNKNOWN_NAMES) unknownFailures.delete(unknownFailures.keys().next().value!);
}
