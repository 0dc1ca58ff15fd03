import { sql, type Expression, type Updateable } from 'kysely';
import { containsText, nbFold, nbOrder } from '../../db/dialect';
import { all, first, run, transaction } from '../../db/query';
import type { ContactPeopleTable, ContactsTable } from '../../db/schema';
import type { ChannelParsedInput, ContactDto, ContactPersonDto } from '@shared/contract';
import { auditedFields, recordAudit } from '../audit/recordAudit';
import type { DbContext, OnAnyEngine, SignedInContext } from '../context';
import { invalidField, notFound, ServiceError } from '../errors/serviceError';
import { versionCheck } from '../versions/versionedRecord';

const blankToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

function contactQuery(ctx: DbContext) {
  return ctx.db.kysely
    .selectFrom('contacts as o')
    .leftJoin('municipalities as m', 'm.id', 'o.municipality_id')
    .selectAll('o')
    .select([
      'm.name as municipality_name',
      sql<number>`(select count(*) from case_contacts l where l.contact_id = o.id)
        + (select count(*) from network_event_contacts n where n.contact_id = o.id)`.as('uses'),
    ]);
}

type ContactRow = Awaited<ReturnType<ReturnType<typeof contactQuery>['executeTakeFirstOrThrow']>>;

async function peopleOf(ctx: DbContext, contactIds: number[]): Promise<Map<number, ContactPersonDto[]>> {
  const byContact = new Map<number, ContactPersonDto[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('contact_people')
      .selectAll()
      .where('contact_id', 'in', contactIds)
      .orderBy(nbOrder(ctx.db, sql.ref('name')))
      .orderBy('id'),
  );
  for (const p of rows) {
    const list = byContact.get(p.contact_id) ?? [];
    list.push({ id: p.id, name: p.name, role: p.role, phone: p.phone, email: p.email });
    byContact.set(p.contact_id, list);
  }
  return byContact;
}

async function toDtos(ctx: DbContext, rows: ContactRow[]): Promise<ContactDto[]> {
  const people = await peopleOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    area: r.area,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    otherMunicipality: r.other_municipality,
    phone: r.phone,
    email: r.email,
    address: r.address,
    archived: r.archived_at !== null,
    uses: r.uses,
    people: people.get(r.id) ?? [],
    version: r.version,
  }));
}

/** Searched with Norwegian folding («sørf» finds Sørfold), sorted in Norwegian order (Å after Ø). */
export async function listContacts(ctx: DbContext, input: ChannelParsedInput<'contacts:list'>): Promise<ContactDto[]> {
  let query = contactQuery(ctx)
    .orderBy(nbOrder(ctx.db, sql.ref('o.name')))
    .orderBy('o.id');
  if (!input.includeArchived) query = query.where('o.archived_at', 'is', null);
  if (input.municipalityId) query = query.where('o.municipality_id', '=', input.municipalityId);
  if (input.kind) query = query.where('o.kind', '=', input.kind);
  if (input.area) query = query.where('o.area', '=', input.area);
  const search = input.search?.trim();
  if (search) {
    const found = (text: Expression<string | null>) => containsText(ctx.db, nbFold(ctx.db, text), nbFold(ctx.db, sql.val(search)));
    query = query.where(
      sql<boolean>`(${found(sql.ref('o.name'))}
        or ${found(sql`coalesce(m.name, o.other_municipality, '')`)}
        or exists (select 1 from contact_people p where p.contact_id = o.id and ${found(sql.ref('p.name'))}))`,
    );
  }
  return toDtos(ctx, await all(ctx.db, query));
}

export async function getContact(ctx: DbContext, input: { id: number }): Promise<ContactDto> {
  const row = await first(ctx.db, contactQuery(ctx).where('o.id', '=', input.id));
  if (!row) throw notFound('Samarbeidspartneren finnes ikke');
  return (await toDtos(ctx, [row]))[0]!;
}

type ContactFields = ChannelParsedInput<'contacts:create'>;

/** Where the organisation belongs, made consistent: a member municipality, a named other one, or the region. */
async function placement(ctx: DbContext, input: ContactFields): Promise<{ municipality_id: number | null; other_municipality: string | null }> {
  if (input.area === 'member') {
    if (!input.municipalityId) throw invalidField('municipalityId', 'Velg kommunen samarbeidspartneren hører til');
    const m = await first(ctx.db, ctx.db.kysely.selectFrom('municipalities').select(['kind']).where('id', '=', input.municipalityId));
    if (!m || m.kind !== 'member') throw invalidField('municipalityId', 'Ukjent kommune, eller ikke en av kommunene i samarbeidet');
    return { municipality_id: input.municipalityId, other_municipality: null };
  }
  if (input.area === 'other') {
    const name = blankToNull(input.otherMunicipality);
    if (!name) throw invalidField('otherMunicipality', 'Skriv hvilken kommune samarbeidspartneren hører til');
    return { municipality_id: null, other_municipality: name };
  }
  return { municipality_id: null, other_municipality: null };
}

async function contactValues(ctx: OnAnyEngine<SignedInContext>, input: ContactFields) {
  return {
    name: input.name,
    kind: input.kind,
    area: input.area,
    ...(await placement(ctx, input)),
    phone: blankToNull(input.phone),
    email: blankToNull(input.email),
    address: blankToNull(input.address),
    updated_at: ctx.clock.now().toISOString(),
  } satisfies Updateable<ContactsTable>;
}

const CONTACT_FIELDS = ['address', 'area', 'email', 'kind', 'municipalityId', 'name', 'otherMunicipality', 'phone'] as const;

export async function createContact(ctx: OnAnyEngine<SignedInContext>, input: ContactFields): Promise<ContactDto> {
  const id = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const values = await contactValues(txCtx, input);
    const row = (await first(
      tx,
      tx.kysely
        .insertInto('contacts')
        .values({ ...values, created_at: values.updated_at })
        .returning('id'),
    ))!;
    await recordAudit(txCtx, 'create', 'contact', row.id, auditedFields('contacts:create', CONTACT_FIELDS));
    return row.id;
  });
  return getContact(ctx, { id });
}

/** Refuses the write if a colleague has saved the contact since the client read it (migration 0013). */
const claimContact = versionCheck('contacts', 'Kontakten', 'Samarbeidspartneren finnes ikke');

export async function updateContact(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'contacts:update'>): Promise<ContactDto> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimContact(txCtx, input, 'update');
    await run(
      tx,
      tx.kysely
        .updateTable('contacts')
        .set(await contactValues(txCtx, input))
        .where('id', '=', input.id),
    );
    await recordAudit(txCtx, 'update', 'contact', input.id, auditedFields('contacts:update', CONTACT_FIELDS));
  });
  return getContact(ctx, input);
}

export async function archiveContact(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'contacts:archive'>): Promise<ContactDto> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // Already as asked: nothing to write, so no version to claim and nothing to log.
    if ((await getContact(txCtx, input)).archived === input.archived) return;
    await claimContact(txCtx, input, 'update');
    const now = ctx.clock.now().toISOString();
    await run(
      tx,
      tx.kysely
        .updateTable('contacts')
        .set({ archived_at: input.archived ? now : null, updated_at: now })
        .where('id', '=', input.id),
    );
    await recordAudit(txCtx, 'archive', 'contact', input.id, auditedFields('contacts:archive', ['archived']));
  });
  return getContact(ctx, input);
}

/** Only a contact that no case and no network event points at can go; one in use is archived instead. */
export async function deleteContact(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'contacts:delete'>): Promise<{ id: number }> {
  return transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await claimContact(txCtx, input, 'delete');
    const contact = await getContact(txCtx, input);
    if (contact.uses > 0) {
      throw new ServiceError('conflict', 'Samarbeidspartneren er i bruk i saker eller nettverksloggen og kan bare arkiveres', {
        id: 'Samarbeidspartneren er i bruk og kan bare arkiveres',
      });
    }
    await run(tx, tx.kysely.deleteFrom('contacts').where('id', '=', input.id));
    await recordAudit(txCtx, 'delete', 'contact', input.id, []);
    return { id: input.id };
  });
}

type PersonFields = Omit<ChannelParsedInput<'contacts:add-person'>, 'contactId'>;
const personValues = (input: PersonFields) =>
  ({
    name: input.name,
    role: blankToNull(input.role),
    phone: blankToNull(input.phone),
    email: blankToNull(input.email),
  }) satisfies Updateable<ContactPeopleTable>;
const PERSON_FIELDS = ['email', 'name', 'phone', 'role'] as const;

export async function createContactPerson(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'contacts:add-person'>): Promise<ContactDto> {
  await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await getContact(txCtx, { id: input.contactId });
    const row = (await first(
      tx,
      tx.kysely
        .insertInto('contact_people')
        .values({ contact_id: input.contactId, ...personValues(input) })
        .returning('id'),
    ))!;
    await recordAudit(txCtx, 'create', 'contact_person', row.id, auditedFields('contacts:add-person', ['contactId', ...PERSON_FIELDS]));
  });
  return getContact(ctx, { id: input.contactId });
}

async function loadPerson(ctx: DbContext, id: number): Promise<{ contact_id: number }> {
  const row = await first(ctx.db, ctx.db.kysely.selectFrom('contact_people').select('contact_id').where('id', '=', id));
  if (!row) throw notFound('Kontaktpersonen finnes ikke');
  return row;
}

export async function updateContactPerson(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'contacts:update-person'>): Promise<ContactDto> {
  const contactId = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const person = await loadPerson(txCtx, input.id);
    await run(tx, tx.kysely.updateTable('contact_people').set(personValues(input)).where('id', '=', input.id));
    await recordAudit(txCtx, 'update', 'contact_person', input.id, auditedFields('contacts:update-person', PERSON_FIELDS));
    return person.contact_id;
  });
  return getContact(ctx, { id: contactId });
}

export async function deleteContactPerson(ctx: OnAnyEngine<SignedInContext>, input: ChannelParsedInput<'contacts:delete-person'>): Promise<ContactDto> {
  const contactId = await transaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const person = await loadPerson(txCtx, input.id);
    const used = await first(tx, tx.kysely.selectFrom('case_contacts').select('id').where('person_id', '=', input.id));
    if (used) throw new ServiceError('conflict', 'Kontaktpersonen er knyttet til en sak', { id: 'Kontaktpersonen er knyttet til en sak' });
    await run(tx, tx.kysely.deleteFrom('contact_people').where('id', '=', input.id));
    await recordAudit(txCtx, 'delete', 'contact_person', input.id, []);
    return person.contact_id;
  });
  return getContact(ctx, { id: contactId });
}
