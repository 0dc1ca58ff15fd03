import { sql, type Updateable } from 'kysely';
import { all, first, run, transaction } from '../../db/query';
import { nbOrder } from '../../db/dialect';
import type { NetworkEventsTable } from '../../db/schema';
import type { ChannelParsedInput, NetworkEventDto } from '@shared/contract';
import type { NetworkKind } from '@shared/domain/caseLife';
import { isoDateInOslo, yearRange } from '@shared/dates';
import { FUTURE_DATE_MESSAGE } from '@shared/validation/notInFuture';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, ServiceContext, SignedInContext } from '../context';
import { invalidField, notFound } from '../errors/serviceError';
import { versionCheck } from '../versions/versionedRecord';

type WriteContext = OnAnyEngine<SignedInContext>;

function eventQuery(ctx: DbContext) {
  return ctx.db.kysely
    .selectFrom('network_events as e')
    .leftJoin('municipalities as m', 'm.id', 'e.municipality_id')
    .select(['e.id', 'e.event_date', 'e.kind', 'e.municipality_id', 'm.name as municipality_name', 'e.note', 'e.version']);
}

interface EventRow {
  id: number;
  event_date: string;
  kind: NetworkKind;
  municipality_id: number | null;
  municipality_name: string | null;
  note: string | null;
  version: number;
}

async function withContacts(ctx: DbContext, rows: EventRow[]): Promise<NetworkEventDto[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await all(
        ctx.db,
        ctx.db.kysely
          .selectFrom('network_event_contacts as l')
          .innerJoin('contacts as o', 'o.id', 'l.contact_id')
          .select(['l.event_id', 'o.id', 'o.name'])
          .where('l.event_id', 'in', ids)
          .orderBy(nbOrder(ctx.db, sql.ref<string>('o.name')))
          // Two partners of the same name keep one order on both engines.
          .orderBy('o.id'),
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

export async function listNetworkEvents(ctx: DbContext, input: ChannelParsedInput<'network:list'>): Promise<NetworkEventDto[]> {
  let query = eventQuery(ctx).orderBy('e.event_date', 'desc').orderBy('e.id', 'desc');
  if (input.year) {
    const { from, to } = yearRange(input.year);
    query = query.where('e.event_date', '>=', from).where('e.event_date', '<=', to);
  }
  if (input.kind) query = query.where('e.kind', '=', input.kind);
  if (input.municipalityId) query = query.where('e.municipality_id', '=', input.municipalityId);
  return withContacts(ctx, await all(ctx.db, query));
}

async function getEvent(ctx: DbContext, id: number): Promise<NetworkEventDto> {
  const row = await first(ctx.db, eventQuery(ctx).where('e.id', '=', id));
  if (!row) throw notFound(EVENT_MISSING);
  return (await withContacts(ctx, [row]))[0]!;
}

const EVENT_MISSING = 'Oppføringen finnes ikke';

/** Refuses the write if a colleague has saved the event since the client read it (migration 0013). */
const claimEvent = versionCheck('network_events', 'Oppføringen', EVENT_MISSING);

type EventFields = ChannelParsedInput<'network:create'>;

async function checkEvent(ctx: OnAnyEngine<ServiceContext>, input: EventFields): Promise<number[]> {
  if (input.date > isoDateInOslo(ctx.clock.now())) throw invalidField('date', FUTURE_DATE_MESSAGE);
  if (input.municipalityId) {
    const m = await first(ctx.db, ctx.db.kysely.selectFrom('municipalities').select('id').where('id', '=', input.municipalityId));
    if (!m) throw invalidField('municipalityId', 'Ukjent kommune');
  }
  const contactIds = [...new Set(input.contactIds ?? [])];
  if (contactIds.length) {
    const found = await all(ctx.db, ctx.db.kysely.selectFrom('contacts').select('id').where('id', 'in', contactIds));
    if (found.length !== contactIds.length) throw invalidField('contactIds', 'Ukjent samarbeidspartner');
  }
  return contactIds;
}

/** Writes the event, its partners and the audit row; `ctx.db` is the write's transaction. */
async function writeEvent(ctx: WriteContext, id: number | null, input: EventFields): Promise<number> {
  const contactIds = await checkEvent(ctx, input);
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
    eventId = (await first(
      ctx.db,
      ctx.db.kysely
        .insertInto('network_events')
        .values({ ...values, created_at: now })
        .returning('id'),
    ))!.id;
  } else {
    await run(ctx.db, ctx.db.kysely.updateTable('network_events').set(values).where('id', '=', eventId));
    await run(ctx.db, ctx.db.kysely.deleteFrom('network_event_contacts').where('event_id', '=', eventId));
  }
  for (const contactId of contactIds) {
    await run(ctx.db, ctx.db.kysely.insertInto('network_event_contacts').values({ event_id: eventId, contact_id: contactId }));
  }
  await recordAudit(
    ctx,
    id === null ? 'create' : 'update',
    'network_event',
    eventId,
    auditedFields(id === null ? 'network:create' : 'network:update', ['contactIds', 'date', 'kind', 'municipalityId', 'note']),
  );
  return eventId;
}

export async function createNetworkEvent(ctx: WriteContext, input: EventFields): Promise<NetworkEventDto> {
  const id = await transaction(ctx.db, (tx) => writeEvent({ ...ctx, db: tx }, null, input));
  return getEvent(ctx, id);
}

export async function updateNetworkEvent(ctx: WriteContext, input: ChannelParsedInput<'network:update'>): Promise<NetworkEventDto> {
  const id = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimEvent(txCtx, input, 'update');
    return writeEvent(txCtx, input.id, input);
  });
  return getEvent(ctx, id);
}

export async function deleteNetworkEvent(ctx: WriteContext, input: ChannelParsedInput<'network:delete'>): Promise<{ id: number }> {
  return transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimEvent(txCtx, input, 'delete');
    await run(tx, tx.kysely.deleteFrom('network_events').where('id', '=', input.id));
    await recordAudit(txCtx, 'delete', 'network_event', input.id, []);
    return { id: input.id };
  });
}
