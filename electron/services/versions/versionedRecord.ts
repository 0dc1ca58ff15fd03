import { sql, type RawBuilder } from 'kysely';
import * as exec from '../../db/exec';
import type { Db } from '../../db/engine';
import { first, run } from '../../db/query';
import type { DB } from '../../db/schema';
import { isoDateInOslo } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';
import type { Actor, Clock, SignedInContext } from '../context';
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

/** What a version check needs from the call: the database on either engine, who saves, and when. */
export interface VersionContext {
  db: Db;
  actor: Actor;
  clock: Clock;
}

function keyColumns(key: Record<string, string | number | undefined>): string[] {
  const columns = Object.keys(key).filter((column) => key[column] !== undefined);
  if (columns.length === 0) throw new Error('A versioned record needs a key');
  return columns;
}

function whereKey(key: Record<string, string | number | undefined>): RawBuilder<unknown> {
  return sql.join(
    keyColumns(key).map((column) => sql`${sql.ref(column)} = ${key[column]!}`),
    sql` and `,
  );
}

interface CurrentRow {
  updatedAt: string | null;
  updatedById: number | null;
}

/** The refusal when the claim changed no row: the record is gone, or someone saved it since. */
async function refusal<T extends VersionedTable>(ctx: VersionContext, record: VersionedRecord<T>, current: CurrentRow | undefined): Promise<ServiceError> {
  if (!current) return notFound(record.missing);
  return versionConflict(ctx, record.noun, await lastChange(ctx, current), record.action);
}

/**
 * Raises the record's version if it is still the one the client read; otherwise throws `conflict` (or
 * `not_found`). Call it first inside the transaction that makes the change, so the check and the change
 * commit together or not at all.
 */
export async function claimVersion<T extends VersionedTable>(ctx: VersionContext, record: VersionedRecord<T>): Promise<void> {
  const key = record.key as Record<string, string | number>;
  const now = ctx.clock.now().toISOString();
  const table = sql.table(record.table);
  const claimed = await run(
    ctx.db,
    sql`update ${table} set version = version + 1, updated_at = ${now}, updated_by = ${ctx.actor.id} where ${whereKey(key)} and version = ${record.version}`,
  );
  if (claimed.changes > 0) return;
  const current = await first<CurrentRow>(
    ctx.db,
    sql<CurrentRow>`select updated_at as "updatedAt", updated_by as "updatedById" from ${table} where ${whereKey(key)}`,
  );
  throw await refusal(ctx, record, current);
}

/** claimVersion for the services still on exec.ts (SQLite only); goes with the last of them. */
export function claimVersionSync<T extends VersionedTable>(ctx: SignedInContext, record: VersionedRecord<T>): void {
  const key = record.key as Record<string, string | number>;
  const now = ctx.clock.now().toISOString();
  const table = sql.table(record.table);
  const update = sql`update ${table} set version = version + 1, updated_at = ${now}, updated_by = ${ctx.actor.id} where ${whereKey(key)} and version = ${record.version}`;
  if (exec.run(ctx.db, update).changes > 0) return;
  const current = exec.first<CurrentRow>(
    ctx.db,
    sql<CurrentRow>`select updated_at as "updatedAt", updated_by as "updatedById" from ${table} where ${whereKey(key)}`,
  );
  if (!current) throw notFound(record.missing);
  throw versionConflict(ctx, record.noun, lastChangeSync(ctx, current), record.action);
}

type IdTable = Exclude<VersionedTable, 'settings' | 'municipality_years' | 'cost_share_years' | 'annual_report_texts'>;

function idRecord(table: IdTable, noun: RecordNoun, missing: string, input: { id: number; version: number }, action: 'update' | 'delete') {
  return { table, key: { id: input.id } as VersionedRecord<typeof table>['key'], version: input.version, noun, action, missing };
}

/**
 * The check for one kind of record kept by `id`: `await claim(ctx, { id, version }, 'update' | 'delete')`,
 * run first in the write's transaction.
 */
export function versionCheck(
  table: IdTable,
  noun: RecordNoun,
  missing: string,
): (ctx: VersionContext, input: { id: number; version: number }, action: 'update' | 'delete') => Promise<void> {
  return (ctx, input, action) => claimVersion(ctx, idRecord(table, noun, missing, input, action));
}

/** versionCheck for the services still on exec.ts (SQLite only); goes with the last of them. */
export function versionCheckSync(
  table: IdTable,
  noun: RecordNoun,
  missing: string,
): (ctx: SignedInContext, input: { id: number; version: number }, action: 'update' | 'delete') => void {
  return (ctx, input, action) => claimVersionSync(ctx, idRecord(table, noun, missing, input, action));
}

function memberName(db: Db, id: number) {
  return db.kysely.selectFrom('team_members').select('display_name').where('id', '=', id);
}

async function lastChange(ctx: VersionContext, row: CurrentRow): Promise<LastChange> {
  const member = row.updatedById === null ? undefined : await first(ctx.db, memberName(ctx.db, row.updatedById));
  return { updatedAt: row.updatedAt, updatedBy: member?.display_name ?? null };
}

function lastChangeSync(ctx: SignedInContext, row: CurrentRow): LastChange {
  const member = row.updatedById === null ? undefined : exec.first(ctx.db, memberName(ctx.db, row.updatedById));
  return { updatedAt: row.updatedAt, updatedBy: member?.display_name ?? null };
}

type ChangeRow = { updated_at: string | null; updated_by: number | null };

function latestOf(rows: readonly ChangeRow[]): CurrentRow | undefined {
  const latest = [...rows].sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''))[0];
  return latest && { updatedAt: latest.updated_at, updatedById: latest.updated_by };
}

/** The latest change among several rows that are edited as one (the settings). */
export async function latestChange(ctx: VersionContext, rows: readonly ChangeRow[]): Promise<LastChange> {
  const latest = latestOf(rows);
  return latest ? lastChange(ctx, latest) : { updatedAt: null, updatedBy: null };
}

/** latestChange for the services still on exec.ts (SQLite only); goes with the last of them. */
export function latestChangeSync(ctx: SignedInContext, rows: readonly ChangeRow[]): LastChange {
  const latest = latestOf(rows);
  return latest ? lastChangeSync(ctx, latest) : { updatedAt: null, updatedBy: null };
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
export function versionConflict(
  ctx: Pick<VersionContext, 'clock'>,
  noun: RecordNoun,
  change: LastChange,
  action: 'update' | 'delete' = 'update',
): ServiceError {
  const who = change.updatedBy ? ` av ${change.updatedBy}` : ' av en annen';
  const when = change.updatedAt ? ` ${whenChanged(change.updatedAt, ctx.clock.now())}` : ' etter at du lastet inn siden';
  const consequence = action === 'delete' ? 'ingenting ble slettet' : 'det du skrev er ikke lagret';
  const message = `${noun} ble endret${who}${when}. Last inn på nytt for å se endringene – ${consequence}.`;
  // Keyed on `version`, the field that is out of date: the form offers «Last inn på nytt» for it.
  return new ServiceError('conflict', message, { version: message });
}
