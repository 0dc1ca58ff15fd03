import { sql, type Updateable } from 'kysely';
import { all, first, run, transaction } from '../../db/exec';
import type { NetworkEventsTable } from '../../db/schema';
import type { ChannelParsedInput, NetworkEventDto } from '@shared/contract';
import type { NetworkKind } from '@shared/domain/caseLife';
import { isoDateInOslo, yearRange } from '@shared/dates';
import { FUTURE_DATE_MESSAGE } from '@shared/validation/notInFuture';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField, notFound } from '../errors/serviceError';
import { versionCheckSync } from '../versions/versionedRecord';

function eventQuery(ctx: ServiceContext) {
  return ctx.db.kysely
    .selectFrom('network_events as e')
    .leftJoin('municipalities as m', 'm.id', 'e.municipality_id')
    .select(['e.id', 'e.event_date', 'e.kind', 'e.municipality_id', 'm.name as municipality_name', 'e.note', 'e.version']);
}

function withContacts(
  ctx: ServiceContext,
  rows: ReturnType<
    typeof all<{
      id: number;
      event_date: string;
      kind: NetworkKind;
      municipality_id: number | null;
      municipality_name: string | null;
      note: string | null;
      version: number;
    }>
  >,
): NetworkEventDto[] {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? all(
        ctx.db,
        ctx.db.kysely
          .selectFrom('network_event_contacts as l')
          .innerJoin('contacts as o', 'o.id', 'l.contact_id')
          .select(['l.event_id', 'o.id', 'o.name'])
          .where('l.event_id', 'in', ids)
          .orderBy(sql`nb_key(o.name)`),
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    date: r.event_date,
    kind: r.kind,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    note: r.note,
    version: r.version,
    contacts: links.filter((l) => l.event_id === r.id).map((l) => ({ id: l.id, name: l.name })),
  }));
}

export function listNetworkEvents(ctx: ServiceContext, input: ChannelParsedInput<'network:list'>): NetworkEventDto[] {
  let query = eventQuery(ctx).orderBy('e.event_date', 'desc').orderBy('e.id', 'desc');
  if (input.year) {
    const { from, to } = yearRange(input.year);
    query = query.where('e.event_date', '>=', from).where('e.event_date', '<=', to);
  }
  if (input.kind) query = query.where('e.kind', '=', input.kind);
  if (input.municipalityId) query = query.where('e.municipality_id', '=', input.municipalityId);
  return withContacts(ctx, all(ctx.db, query));
}

function getEvent(ctx: ServiceContext, id: number): NetworkEventDto {
  const row = first(ctx.db, eventQuery(ctx).where('e.id', '=', id));
  if (!row) throw notFound(EVENT_MISSING);
  return withContacts(ctx, [row])[0]!;
}

const EVENT_MISSING = 'Oppføringen finnes ikke';

/** Refuses the write if a colleague has saved the event since the client read it (migration 0013). */
const claimEvent = versionCheckSync('network_events', 'Oppføringen', EVENT_MISSING);

type EventFields = ChannelParsedInput<'network:create'>;

function checkEvent(ctx: ServiceContext, input: EventFields): number[] {
  if (input.date > isoDateInOslo(ctx.clock.now())) throw invalidField('date', FUTURE_DATE_MESSAGE);
  if (input.municipalityId) {
    const m = first(ctx.db, ctx.db.kysely.selectFrom('municipalities').select('id').where('id', '=', input.municipalityId));
    if (!m) throw invalidField('municipalityId', 'Ukjent kommune');
  }
  const contactIds = [...new Set(input.contactIds ?? [])];
  if (contactIds.length) {
    const found = all(ctx.db, ctx.db.kysely.selectFrom('contacts').select('id').where('id', 'in', contactIds));
    if (found.length !== contactIds.length) throw invalidField('contactIds', 'Ukjent samarbeidspartner');
  }
  return contactIds;
}

function writeEvent(ctx: ServiceContext, id: number | null, input: EventFields): number {
  const contactIds = checkEvent(ctx, input);
  const now = ctx.clock.now().toISOString();
  const values = {
    event_date: input.date,
    kind: input.kind,
    municipality_id: input.municipalityId ?? null,
    note: input.note?.trim() ? input.note.trim() : null,
    updated_at: now,
  } satisfies Updateable<NetworkEventsTable>;
  let eventId = id;
  if (eventId === null) {
    eventId = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('network_events')
        .values({ ...values, created_at: now })
        .returning('id'),
    )!.id;
  } else {
    run(ctx.db, ctx.db.kysely.updateTable('network_events').set(values).where('id', '=', eventId));
    run(ctx.db, ctx.db.kysely.deleteFrom('network_event_contacts').where('event_id', '=', eventId));
  }
  for (const contactId of contactIds) run(ctx.db, ctx.db.kysely.insertInto('network_event_contacts').values({ event_id: eventId, contact_id: contactId }));
  recordAuditSync(
    ctx,
    id === null ? 'create' : 'update',
    'network_event',
    eventId,
    auditedFields(id === null ? 'network:create' : 'network:update', ['contactIds', 'date', 'kind', 'municipalityId', 'note']),
  );
  return eventId;
}

export function createNetworkEvent(ctx: SignedInContext, input: EventFields): NetworkEventDto {
  return getEvent(
    ctx,
    transaction(ctx.db, () => writeEvent(ctx, null, input)),
  );
}

export function updateNetworkEvent(ctx: SignedInContext, input: ChannelParsedInput<'network:update'>): NetworkEventDto {
  return getEvent(
    ctx,
    transaction(ctx.db, () => {
      claimEvent(ctx, input, 'update');
      return writeEvent(ctx, input.id, input);
    }),
  );
}

export function deleteNetworkEvent(ctx: SignedInContext, input: ChannelParsedInput<'network:delete'>): { id: number } {
  return transaction(ctx.db, () => {
    claimEvent(ctx, input, 'delete');
    run(ctx.db, ctx.db.kysely.deleteFrom('network_events').where('id', '=', input.id));
    recordAuditSync(ctx, 'delete', 'network_event', input.id, []);
    return { id: input.id };
  });
}
