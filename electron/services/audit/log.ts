import { sql } from 'kysely';
import type { AuditEntryDto, AuditFilter, AuditPageDto, AuditVerifyDto, ChannelParsedInput } from '@shared/contract';
import { AUDIT_PAGE_SIZE } from '@shared/contract/audit';
import { normaliseCaseCode } from '@shared/caseCode';
import { all, first, prepare } from '../../db/exec';
import type { AppDatabase } from '../../db/open';
import { requireAdministrator } from '../session/actor';
import { verifyChain, type ChainedAuditRow } from '../../db/auditChain';
import type { SignedInContext } from '../context';
import { pendingAuditEntries } from './pendingAudit';
import { withWitnesses, type WitnessSources } from './verifyWitnesses';
import { backupFolder } from '../backups/service';
import { cannotWrite, pendingAuditLocation } from './recordAudit';

/** The start of the day after `date`, as an ISO timestamp: the filter's «to» includes the whole day. */
function endExclusive(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

function filteredQuery(db: AppDatabase, filter: AuditFilter = {}) {
  let query = db.kysely
    .selectFrom('audit_log as a')
    .leftJoin('team_members as m', 'm.id', 'a.actor_id')
    .leftJoin('cases as c', (join) => join.on('a.record_type', '=', 'case').on(sql`c.id`, '=', sql`cast(a.record_id as integer)`));
  if (filter.actorId !== undefined) query = query.where('a.actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  if (filter.caseCode !== undefined) query = query.where('c.code', '=', normaliseCaseCode(filter.caseCode));
  // Dates are compared as UTC days: the log stores UTC and the filter is a rough period, not a second.
  if (filter.from !== undefined) query = query.where('a.at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to !== undefined) query = query.where('a.at', '<', endExclusive(filter.to));
  return query;
}

export function selectAuditEntries(db: AppDatabase, filter: AuditFilter | undefined, limit: number, offset: number): AuditEntryDto[] {
  const rows = all(
    db,
    filteredQuery(db, filter)
      .select(['a.id', 'a.at', 'a.actor_id', 'm.display_name', 'a.action', 'a.record_type', 'a.record_id', 'c.code', 'a.fields'])
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset),
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.display_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    caseCode: row.code,
    fields: JSON.parse(row.fields) as string[],
  }));
}

export function listAudit(ctx: SignedInContext, input: ChannelParsedInput<'audit:list'>): AuditPageDto {
  requireAdministrator(ctx);
  const total =
    first(
      ctx.db,
      filteredQuery(ctx.db, input.filter).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const rows = selectAuditEntries(ctx.db, input.filter, AUDIT_PAGE_SIZE, (input.page - 1) * AUDIT_PAGE_SIZE);
  // While read-only, what was recorded beside the database is shown first, marked as waiting.
  const waiting = cannotWrite(ctx) ? waitingEntries(ctx, input.filter) : [];
  return { rows: input.page === 1 ? [...waiting, ...rows] : rows, total: total + waiting.length, page: input.page, pageSize: AUDIT_PAGE_SIZE };
}

function waitingEntries(ctx: SignedInContext, filter: AuditFilter = {}): AuditEntryDto[] {
  const caseCode = filter.caseCode === undefined ? undefined : normaliseCaseCode(filter.caseCode);
  const entries = pendingAuditEntries(pendingAuditLocation(ctx)).reverse();
  const result: AuditEntryDto[] = [];
  for (const [index, entry] of entries.entries()) {
    const code =
      entry.recordType === 'case' && entry.recordId !== null
        ? (first(ctx.db, ctx.db.kysely.selectFrom('cases').select('code').where('id', '=', Number(entry.recordId)))?.code ?? null)
        : null;
    if (filter.actorId !== undefined && entry.actorId !== filter.actorId) continue;
    if (filter.action !== undefined && entry.action !== filter.action) continue;
    if (caseCode !== undefined && code !== caseCode) continue;
    if (filter.from !== undefined && entry.at < `${filter.from}T00:00:00.000Z`) continue;
    if (filter.to !== undefined && entry.at >= endExclusive(filter.to)) continue;
    const actorName =
      entry.actorId === null
        ? null
        : (first(ctx.db, ctx.db.kysely.selectFrom('team_members').select('display_name').where('id', '=', entry.actorId))?.display_name ?? null);
    // Negative ids: not yet in the chain, and never mistaken for a row that is.
    result.push({
      id: -(index + 1),
      at: entry.at,
      actorId: entry.actorId,
      actorName,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      caseCode: code,
      fields: JSON.parse(entry.fields) as string[],
      waiting: true,
    });
  }
  return result;
}

/** Walks the whole chain in id order without holding it in memory. */
export function verifyAuditChain(db: AppDatabase): AuditVerifyDto {
  const rows = prepare(db, 'select * from audit_log order by id').iterate() as IterableIterator<ChainedAuditRow>;
  const verdict = verifyChain(rows);
  return { ok: verdict.ok, rows: verdict.rows, firstBrokenId: verdict.ok ? null : verdict.firstBrokenId, findings: [] };
}

/** The chain, then every witness this instance can find: its own signed head and the backups' heads. */
export function verifyAuditAgainstWitnesses(db: AppDatabase, sources: WitnessSources): AuditVerifyDto {
  return withWitnesses(db, verifyAuditChain(db), sources);
}

export function verifyAudit(ctx: SignedInContext): AuditVerifyDto {
  requireAdministrator(ctx);
  return verifyAuditAgainstWitnesses(ctx.db, { userDataDir: ctx.userDataDir, key: ctx.witnessKey, backupFolder: backupFolder(ctx) });
}
