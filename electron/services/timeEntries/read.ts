import { all, first } from '../../db/query';
import type { Db } from '../../db/engine';
import type { TimeEntryDto } from '@shared/contract';
import type { DbContext } from '../context';
import { notFound } from '../errors/serviceError';

// Entries as the renderer sees them: names resolved, participants attached. Shared by the writes (which
// answer with the stored entry), the list and the export.

export async function participantIdsOf(ctx: DbContext, entryId: number): Promise<number[]> {
  const rows = await all(
    ctx.db,
    ctx.db.kysely.selectFrom('time_entry_participants').select('team_member_id').where('time_entry_id', '=', entryId).orderBy('team_member_id'),
  );
  return rows.map((r) => r.team_member_id);
}

export function entryQuery(ctx: { db: Pick<Db, 'kysely'> }) {
  return ctx.db.kysely
    .selectFrom('time_entries as t')
    .innerJoin('municipalities as m', 'm.id', 't.municipality_id')
    .innerJoin('categories as k', 'k.id', 't.category_id')
    .leftJoin('cases as c', 'c.id', 't.case_id')
    .select([
      't.id',
      't.entry_date',
      't.case_id',
      'c.code as case_code',
      't.municipality_id',
      'm.name as municipality_name',
      't.category_id',
      'k.number as category_number',
      'k.name as category_name',
      't.minutes',
      't.created_at',
      't.updated_at',
      't.version',
      't.municipality_override_reason',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;

export async function withParticipants(ctx: DbContext, rows: EntryRow[]): Promise<TimeEntryDto[]> {
  const ids = rows.map((r) => r.id);
  const participants = new Map<number, TimeEntryDto['participants']>();
  if (ids.length > 0) {
    const list = await all(
      ctx.db,
      ctx.db.kysely
        .selectFrom('time_entry_participants as p')
        .innerJoin('team_members as m', 'm.id', 'p.team_member_id')
        .select(['p.time_entry_id', 'm.id', 'm.initials'])
        .where('p.time_entry_id', 'in', ids)
        .orderBy('m.initials'),
    );
    for (const p of list) {
      const entry = participants.get(p.time_entry_id) ?? [];
      entry.push({ id: p.id, initials: p.initials });
      participants.set(p.time_entry_id, entry);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    date: r.entry_date,
    caseId: r.case_id,
    caseCode: r.case_code,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    categoryId: r.category_id,
    categoryNumber: r.category_number,
    categoryName: r.category_name,
    minutes: r.minutes,
    participants: participants.get(r.id) ?? [],
    municipalityOverrideReason: r.municipality_override_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

export async function getTimeEntry(ctx: DbContext, id: number): Promise<TimeEntryDto> {
  const row = await first(ctx.db, entryQuery(ctx).where('t.id', '=', id));
  if (!row) throw notFound('Registreringen finnes ikke');
  return (await withParticipants(ctx, [row]))[0]!;
}
