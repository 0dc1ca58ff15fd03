import { all, first, run, transaction } from '../../db/query';
import type { ChannelParsedInput, TimeEntryDto } from '@shared/contract';
import { addDays, isoDateInOslo } from '@shared/dates';
import { MAX_MINUTES_PER_DAY } from '@shared/hours';
import { normaliseCaseCode } from '@shared/caseCode';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { AuditedField } from '@shared/contract/auditedFields';
import type { DbContext, OnAnyEngine, SignedInContext } from '../context';
import { invalidField, ServiceError } from '../errors/serviceError';
import { beforeReferral, otherMunicipality, type EntryCase } from './entryRules';
import { requireConfirmed } from './confirmations';
import { versionCheck } from '../versions/versionedRecord';
import { requireActiveMembers } from '../team/teamMembers';
import { getTimeEntry, participantIdsOf } from './read';

type EntryInput = ChannelParsedInput<'time-entries:create'>;
/** A signed-in call on either engine: what every write here takes. */
type EntryContext = OnAnyEngine<SignedInContext>;

/** As the contract names them: `hours` is what the caller sends, whatever it is stored as. */
const FIELD_NAMES = ['date', 'caseCode', 'municipalityId', 'categoryId', 'hours', 'participantIds', 'municipalityOverrideReason'] as const;
/** How far ahead an entry may be dated: planned driving or an overnight stay is logged a few days early. */
const MAX_DAYS_AHEAD = 7;

interface ResolvedEntry {
  entryDate: string;
  caseId: number | null;
  municipalityId: number;
  categoryId: number;
  minutes: number;
  participantIds: number[];
  /** Set only when the entry has a case and deliberately another municipality than the case's. */
  municipalityOverrideReason: string | null;
}

interface ExistingEntry {
  categoryId: number;
  participantIds: number[];
}

/** The case an entry names, with what the rules in entryRules.ts need; refused when it does not exist. */
async function requireEntryCase(ctx: DbContext, caseCode: string): Promise<EntryCase & { id: number }> {
  const row = await first(
    ctx.db,
    ctx.db.kysely
      .selectFrom('cases as c')
      .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
      .select(['c.id', 'c.municipality_id', 'm.name', 'c.referral_date'])
      .where('c.code', '=', caseCode),
  );
  if (!row) throw invalidField('caseCode', 'Saken finnes ikke');
  return { id: row.id, municipalityId: row.municipality_id, municipalityName: row.name, referralDate: row.referral_date };
}

/** The case's rules: not before its referral, and its own municipality unless a reason is given. */
function overrideReasonFor(input: EntryInput, onCase: (EntryCase & { id: number }) | null): string | null {
  if (!onCase) return null;
  const early = beforeReferral(input.date, onCase);
  const other = otherMunicipality(input.municipalityId, onCase);
  const reason = input.municipalityOverrideReason?.trim() ?? '';
  // Both refusals at once, each at its field: fixing the date should not reveal a second mistake afterwards.
  const refusals = [
    early ? { field: early.field, message: early.message } : null,
    other && reason === '' ? { field: 'municipalityOverrideReason', message: other.message } : null,
  ];
  const found = refusals.filter((refusal) => refusal !== null);
  if (found.length > 0) {
    throw new ServiceError(
      'validation',
      found.map((refusal) => refusal.message).join('. '),
      Object.fromEntries(found.map((refusal) => [refusal.field, refusal.message])),
    );
  }
  return other ? reason : null;
}

async function resolveEntry(ctx: EntryContext, input: EntryInput, existing?: ExistingEntry): Promise<ResolvedEntry> {
  const { actor } = ctx;
  const latest = addDays(isoDateInOslo(ctx.clock.now()), MAX_DAYS_AHEAD);
  if (input.date > latest) throw invalidField('date', 'Dato kan ikke være mer enn en uke fram i tid');

  const caseCode = input.caseCode?.trim() ? normaliseCaseCode(input.caseCode) : null;
  const onCase = caseCode ? await requireEntryCase(ctx, caseCode) : null;

  const municipality = await first(ctx.db, ctx.db.kysely.selectFrom('municipalities').select('id').where('id', '=', input.municipalityId));
  if (!municipality) throw invalidField('municipalityId', 'Ukjent kommune');

  const category = await first(ctx.db, ctx.db.kysely.selectFrom('categories').select(['id', 'retired_at']).where('id', '=', input.categoryId));
  if (!category) throw invalidField('categoryId', 'Ukjent hendelse');
  // A retired category keeps its history but takes no new time; an old entry may keep it when edited.
  if (category.retired_at !== null && existing?.categoryId !== category.id) {
    throw invalidField('categoryId', 'Hendelsen er ikke lenger i bruk');
  }

  return {
    entryDate: input.date,
    caseId: onCase?.id ?? null,
    municipalityId: input.municipalityId,
    categoryId: input.categoryId,
    minutes: input.minutes,
    participantIds: await resolveParticipants(ctx, input, actor.id, existing),
    municipalityOverrideReason: overrideReasonFor(input, onCase),
  };
}

/**
 * Participants as sent; when none are sent, a new entry gets the signed-in member and an edited entry
 * keeps the people it had — a colleague correcting the hours must not silently become the only one
 * who took part (and a member deactivated since then stays on their old entries).
 */
async function resolveParticipants(ctx: DbContext, input: EntryInput, actorId: number, existing?: ExistingEntry): Promise<number[]> {
  if (!input.participantIds?.length && existing) return existing.participantIds;
  const participantIds = [...new Set(input.participantIds?.length ? input.participantIds : [actorId])];
  await requireActiveMembers(ctx, participantIds, 'participantIds');
  return participantIds;
}

/** Nobody works more than 24 hours in a day: refuse an entry that would take a participant past that. */
async function checkDailyLimit(ctx: DbContext, entry: ResolvedEntry, ignoreEntryId: number | null): Promise<void> {
  // Start from the day's entries (CROSS JOIN fixes SQLite's join order): led by the participant index
  // instead, the check would read every entry the member ever logged, and saving slows as the years pass.
  const rows = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('time_entries as t')
      .crossJoin('time_entry_participants as p')
      .innerJoin('team_members as m', 'm.id', 'p.team_member_id')
      .select((eb) => ['m.initials', eb.fn.sum<number>('t.minutes').as('minutes')])
      .whereRef('p.time_entry_id', '=', 't.id')
      .where('p.team_member_id', 'in', entry.participantIds)
      .where('t.entry_date', '=', entry.entryDate)
      .where('t.id', '!=', ignoreEntryId ?? -1)
      .groupBy('m.id'),
  );
  const over = rows.find((r) => r.minutes + entry.minutes > MAX_MINUTES_PER_DAY);
  if (over) {
    throw invalidField('hours', `${over.initials} får mer enn 24 timer denne dagen`);
  }
}

async function insertParticipants(ctx: DbContext, entryId: number, participantIds: number[]): Promise<void> {
  for (const memberId of participantIds) {
    await run(ctx.db, ctx.db.kysely.insertInto('time_entry_participants').values({ time_entry_id: entryId, team_member_id: memberId }));
  }
}

export async function createTimeEntry(ctx: EntryContext, input: EntryInput, source: 'manual' | 'demo' = 'manual'): Promise<TimeEntryDto> {
  const id = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const entry = await resolveEntry(txCtx, input);
    await checkDailyLimit(txCtx, entry, null);
    await requireConfirmed(txCtx, entry, input, null);
    const now = ctx.clock.now().toISOString();
    const actorId = ctx.actor.id;
    const { id } = (await first(
      tx,
      tx.kysely
        .insertInto('time_entries')
        .values({
          entry_date: entry.entryDate,
          case_id: entry.caseId,
          municipality_id: entry.municipalityId,
          category_id: entry.categoryId,
          minutes: entry.minutes,
          municipality_override_reason: entry.municipalityOverrideReason,
          source,
          created_at: now,
          created_by: actorId,
          updated_at: now,
          updated_by: actorId,
        })
        .returning('id'),
    ))!;
    await insertParticipants(txCtx, id, entry.participantIds);
    await recordAudit(
      txCtx,
      'create',
      'time_entry',
      id,
      auditedFields(
        'time-entries:create',
        FIELD_NAMES.filter(
          (f) => (f !== 'caseCode' || entry.caseId !== null) && (f !== 'municipalityOverrideReason' || entry.municipalityOverrideReason !== null),
        ),
      ),
    );
    return id;
  });
  return getTimeEntry(ctx, id);
}

/**
 * Refuses an edit or delete of an entry a colleague has saved since it was read (migration 0013).
 * Creating never conflicts: a new entry has nothing to overwrite.
 */
const claimEntry = versionCheck('time_entries', 'Registreringen', 'Registreringen finnes ikke (den kan være slettet)');

export async function updateTimeEntry(ctx: EntryContext, input: ChannelParsedInput<'time-entries:update'>): Promise<TimeEntryDto> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimEntry(txCtx, input, 'update');
    const before = (await first(tx, tx.kysely.selectFrom('time_entries').selectAll().where('id', '=', input.id)))!;
    const beforeParticipants = await participantIdsOf(txCtx, input.id);
    const entry = await resolveEntry(txCtx, input, { categoryId: before.category_id, participantIds: beforeParticipants });
    await checkDailyLimit(txCtx, entry, input.id);
    const changed: AuditedField<'time-entries:update'>[] = [];
    if (before.entry_date !== entry.entryDate) changed.push('date');
    if (before.case_id !== entry.caseId) changed.push('caseCode');
    if (before.municipality_id !== entry.municipalityId) changed.push('municipalityId');
    if (before.category_id !== entry.categoryId) changed.push('categoryId');
    if (before.minutes !== entry.minutes) changed.push('hours');
    const participantsChanged = beforeParticipants.join(',') !== [...entry.participantIds].sort((a, b) => a - b).join(',');
    if (participantsChanged) changed.push('participantIds');
    if ((before.municipality_override_reason ?? null) !== entry.municipalityOverrideReason) changed.push('municipalityOverrideReason');
    if (changed.length === 0) return;
    // Asked only about what this edit changes: correcting the hours of an old entry is not a new old entry.
    await requireConfirmed(txCtx, entry, input, input.id, {
      date: changed.includes('date'),
      duplicate: changed.some((f) => f !== 'municipalityOverrideReason'),
    });
    await run(
      tx,
      tx.kysely
        .updateTable('time_entries')
        .set({
          entry_date: entry.entryDate,
          case_id: entry.caseId,
          municipality_id: entry.municipalityId,
          category_id: entry.categoryId,
          minutes: entry.minutes,
          municipality_override_reason: entry.municipalityOverrideReason,
          updated_at: ctx.clock.now().toISOString(),
          updated_by: ctx.actor.id,
        })
        .where('id', '=', input.id),
    );
    if (participantsChanged) {
      await run(tx, tx.kysely.deleteFrom('time_entry_participants').where('time_entry_id', '=', input.id));
      await insertParticipants(txCtx, input.id, entry.participantIds);
    }
    await recordAudit(txCtx, 'update', 'time_entry', input.id, auditedFields('time-entries:update', changed));
  });
  return getTimeEntry(ctx, input.id);
}

export async function deleteTimeEntry(ctx: EntryContext, input: ChannelParsedInput<'time-entries:delete'>): Promise<{ id: number }> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimEntry(txCtx, input, 'delete');
    await run(tx, tx.kysely.deleteFrom('time_entries').where('id', '=', input.id));
    await recordAudit(txCtx, 'delete', 'time_entry', input.id);
  });
  return { id: input.id };
}
