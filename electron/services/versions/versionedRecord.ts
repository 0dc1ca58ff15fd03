import { first, prepare } from '../../db/exec';
import type { DB } from '../../db/schema';
import { isoDateInOslo } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';
import type { SignedInContext } from '../context';
import { notFound, ServiceError } from '../errors/serviceError';

/**
 * Optimistic concurrency for every record a user edits (migration 0013). Several PCs write to one shared
 * file; a form holds the version it loaded, and the save raises the version only if nobody has saved the
 * record since: `UPDATE … SET version = version + 1, updated_at, updated_by WHERE key AND version = ?`,
 * run first inside the write's own transaction. No row changed while the record exists means a colleague
 * got there first: the whole write is refused with a message naming them, and nothing is saved.
 */

/** The tables that carry `version`, `updated_at` and `updated_by`. */
export type VersionedTable =
  | 'cases'
  | 'case_goals'
  | 'contacts'
  | 'network_events'
  | 'team_members'
  | 'time_entries'
  | 'settings'
  | 'evaluation_responses'
  | 'life_domains'
  | 'municipality_years'
  | 'cost_share_years'
  | 'annual_report_texts';

/** How the message names the record: «Saken ble endret …». */
export type RecordNoun =
  | 'Saken'
  | 'Målet'
  | 'Kontakten'
  | 'Oppføringen'
  | 'Teammedlemmet'
  | 'Registreringen'
  | 'Innstillingene'
  | 'Evalueringen'
  | 'Livsområdet'
  | 'Kostnadsfordelingen'
  | 'Teksten';

export interface VersionedRecord<T extends VersionedTable> {
  table: T;
  /** The record's key columns and values (an id, or a composite key). Column names come from code only. */
  key: { [C in keyof DB[T] & string]?: string | number };
  /** The version the client read. */
  version: number;
  noun: RecordNoun;
  /** What is refused: decides the message's last words. */
  action?: 'update' | 'delete';
  /** The message when the record does not exist (any more). */
  missing: string;
}

/** Who changed a record last, and when: what a conflict message names. */
export interface LastChange {
  updatedAt: string | null;
  updatedBy: string | null;
}

function whereKey(key: Record<string, string | number | undefined>): { sql: string; values: (string | number)[] } {
  const columns = Object.keys(key).filter((column) => key[column] !== undefined);
  if (columns.length === 0) throw new Error('A versioned record needs a key');
  return { sql: columns.map((column) => `"${column}" = ?`).join(' and '), values: columns.map((column) => key[column]!) };
}

/**
 * Raises the record's version if it is still the one the client read; otherwise throws `conflict` (or
 * `not_found`). Call it first inside the transaction that makes the change, so the check and the change
 * commit together or not at all.
 */
export function claimVersion<T extends VersionedTable>(ctx: SignedInContext, record: VersionedRecord<T>): void {
  const where = whereKey(record.key as Record<string, string | number>);
  const now = ctx.clock.now().toISOString();
  const result = prepare(ctx.db, `update "${record.table}" set version = version + 1, updated_at = ?, updated_by = ? where ${where.sql} and version = ?`).run(
    now,
    ctx.actor.id,
    ...where.values,
    record.version,
  );
  if (result.changes > 0) return;
  const current = prepare(ctx.db, `select updated_at as updatedAt, updated_by as updatedById from "${record.table}" where ${where.sql}`).get(
    ...where.values,
  ) as { updatedAt: string | null; updatedById: number | null } | undefined;
  if (!current) throw notFound(record.missing);
  throw versionConflict(ctx, record.noun, lastChange(ctx, current), record.action);
}

/**
 * The check for one kind of record kept by `id`: `claim(ctx, { id, version }, 'update' | 'delete')`, run
 * first in the write's transaction.
 */
export function versionCheck(
  table: Exclude<VersionedTable, 'settings' | 'municipality_years' | 'cost_share_years' | 'annual_report_texts'>,
  noun: RecordNoun,
  missing: string,
): (ctx: SignedInContext, input: { id: number; version: number }, action: 'update' | 'delete') => void {
  return (ctx, input, action) =>
    claimVersion(ctx, { table, key: { id: input.id } as VersionedRecord<typeof table>['key'], version: input.version, noun, action, missing });
}

function lastChange(ctx: SignedInContext, row: { updatedAt: string | null; updatedById: number | null }): LastChange {
  const member =
    row.updatedById === null ? undefined : first(ctx.db, ctx.db.kysely.selectFrom('team_members').select('display_name').where('id', '=', row.updatedById));
  return { updatedAt: row.updatedAt, updatedBy: member?.display_name ?? null };
}

/** The latest change among several rows that are edited as one (the settings). */
export function latestChange(ctx: SignedInContext, rows: readonly { updated_at: string | null; updated_by: number | null }[]): LastChange {
  const latest = [...rows].sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''))[0];
  return latest ? lastChange(ctx, { updatedAt: latest.updated_at, updatedById: latest.updated_by }) : { updatedAt: null, updatedBy: null };
}

// Built on first use, not at import: see isoDateInOslo (shared/dates.ts).
let osloTime: Intl.DateTimeFormat | undefined;

/** «kl. 10.42», with the date in front when it was not today: «12.03.2026 kl. 10.42». */
export function whenChanged(updatedAt: string, now: Date): string {
  const instant = new Date(updatedAt);
  osloTime ??= new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const parts = osloTime.formatToParts(instant);
  const hour = parts.find((p) => p.type === 'hour')!.value;
  const minute = parts.find((p) => p.type === 'minute')!.value;
  const time = `kl. ${hour}.${minute}`;
  const day = isoDateInOslo(instant);
  return day === isoDateInOslo(now) ? time : `${formatNorwegianDate(day)} ${time}`;
}

/**
 * «Saken ble endret av Siri Kristoffersen kl. 10.42. Last inn på nytt for å se endringene – det du skrev er
 * ikke lagret.» The name is a team member's, never a client's; no value from the record is quoted.
 */
export function versionConflict(ctx: SignedInContext, noun: RecordNoun, change: LastChange, action: 'update' | 'delete' = 'update'): ServiceError {
  const who = change.updatedBy ? ` av ${change.updatedBy}` : ' av en annen';
  const when = change.updatedAt ? ` ${whenChanged(change.updatedAt, ctx.clock.now())}` : ' etter at du lastet inn siden';
  const consequence = action === 'delete' ? 'ingenting ble slettet' : 'det du skrev er ikke lagret';
  const message = `${noun} ble endret${who}${when}. Last inn på nytt for å se endringene – ${consequence}.`;
  // Keyed on `version`, the field that is out of date: the form offers «Last inn på nytt» for it.
  return new ServiceError('conflict', message, { version: message });
}
