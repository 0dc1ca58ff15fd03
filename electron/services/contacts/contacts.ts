import { sql, type Updateable } from 'kysely';
import { all, first, run, transaction } from '../../db/exec';
import type { ContactPeopleTable, ContactsTable } from '../../db/schema';
import type { ChannelParsedInput, ContactDto, ContactPersonDto } from '@shared/contract';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import type { ServiceContext, SignedInContext } from '../context';
import { invalidField, notFound, ServiceError } from '../errors/serviceError';
import { versionCheckSync } from '../versions/versionedRecord';

const blankToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

function contactQuery(ctx: ServiceContext) {
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

function peopleOf(ctx: ServiceContext, contactIds: number[]): Map<number, ContactPersonDto[]> {
  const byContact = new Map<number, ContactPersonDto[]>();
  if (contactIds.length === 0) return byContact;
  const rows = all(
    ctx.db,
    ctx.db.kysely
      .selectFrom('contact_people')
      .selectAll()
      .where('contact_id', 'in', contactIds)
      .orderBy(sql`nb_key(name)`),
  );
  for (const p of rows) {
    const list = byContact.get(p.contact_id) ?? [];
    list.push({ id: p.id, name: p.name, role: p.role, phone: p.phone, email: p.email });
    byContact.set(p.contact_id, list);
  }
  return byContact;
}

function toDtos(ctx: ServiceContext, rows: ContactRow[]): ContactDto[] {
  const people = peopleOf(
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
export function listContacts(ctx: ServiceContext, input: ChannelParsedInput<'contacts:list'>): ContactDto[] {
  let query = contactQuery(ctx)
    .orderBy(sql`nb_key(o.name)`)
    .orderBy('o.id');
  if (!input.includeArchived) query = query.where('o.archived_at', 'is', null);
  if (input.municipalityId) query = query.where('o.municipality_id', '=', input.municipalityId);
  if (input.kind) query = query.where('o.kind', '=', input.kind);
  if (input.area) query = query.where('o.area', '=', input.area);
  const search = input.search?.trim();
  if (search) {
    query = query.where(
      sql<boolean>`(instr(nb_fold(o.name), nb_fold(${search})) > 0
        or instr(nb_fold(coalesce(m.name, o.other_municipality, '')), nb_fold(${search})) > 0
        or exists (select 1 from contact_people p where p.contact_id = o.id and instr(nb_fold(p.name), nb_fold(${search})) > 0))`,
    );
  }
  return toDtos(ctx, all(ctx.db, query));
}

export function getContact(ctx: ServiceContext, input: { id: number }): ContactDto {
  const row = first(ctx.db, contactQuery(ctx).where('o.id', '=', input.id));
  if (!row) throw notFound('Samarbeidspartneren finnes ikke');
  return toDtos(ctx, [row])[0]!;
}

type ContactFields = ChannelParsedInput<'contacts:create'>;

/** Where the organisation belongs, made consistent: a member municipality, a named other one, or the region. */
function placement(ctx: ServiceContext, input: ContactFields): { municipality_id: number | null; other_municipality: string | null } {
  if (input.area === 'member') {
    if (!input.municipalityId) throw invalidField('municipalityId', 'Velg kommunen samarbeidspartneren hører til');
    const m = first(ctx.db, ctx.db.kysely.selectFrom('municipalities').select(['kind']).where('id', '=', input.municipalityId));
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

function contactValues(ctx: ServiceContext, input: ContactFields) {
  return {
    name: input.name,
    kind: input.kind,
    area: input.area,
    ...placement(ctx, input),
    phone: blankToNull(input.phone),
    email: blankToNull(input.email),
    address: blankToNull(input.address),
    updated_at: ctx.clock.now().toISOString(),
  } satisfies Updateable<ContactsTable>;
}

const CONTACT_FIELDS = ['address', 'area', 'email', 'kind', 'municipalityId', 'name', 'otherMunicipality', 'phone'] as const;

export function createContact(ctx: SignedInContext, input: ContactFields): ContactDto {
  const id = transaction(ctx.db, () => {
    const values = contactValues(ctx, input);
    const row = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('contacts')
        .values({ ...values, created_at: values.updated_at })
        .returning('id'),
    )!;
    recordAuditSync(ctx, 'create', 'contact', row.id, auditedFields('contacts:create', CONTACT_FIELDS));
    return row.id;
  });
  return getContact(ctx, { id });
}

/** Refuses the write if a colleague has saved the contact since the client read it (migration 0013). */
const claimContact = versionCheckSync('contacts', 'Kontakten', 'Samarbeidspartneren finnes ikke');

export function updateContact(ctx: SignedInContext, input: ChannelParsedInput<'contacts:update'>): ContactDto {
  transaction(ctx.db, () => {
    claimContact(ctx, input, 'update');
    run(ctx.db, ctx.db.kysely.updateTable('contacts').set(contactValues(ctx, input)).where('id', '=', input.id));
    recordAuditSync(ctx, 'update', 'contact', input.id, auditedFields('contacts:update', CONTACT_FIELDS));
  });
  return getContact(ctx, input);
}

export function archiveContact(ctx: SignedInContext, input: ChannelParsedInput<'contacts:archive'>): ContactDto {
  transaction(ctx.db, () => {
    // Already as asked: nothing to write, so no version to claim and nothing to log.
    if (getContact(ctx, input).archived === input.archived) return;
    claimContact(ctx, input, 'update');
    const now = ctx.clock.now().toISOString();
    run(
      ctx.db,
      ctx.db.kysely
        .updateTable('contacts')
        .set({ archived_at: input.archived ? now : null, updated_at: now })
        .where('id', '=', input.id),
    );
    recordAuditSync(ctx, 'archive', 'contact', input.id, auditedFields('contacts:archive', ['archived']));
  });
  return getContact(ctx, input);
}

/** Only a contact that no case and no network event points at can go; one in use is archived instead. */
export function deleteContact(ctx: SignedInContext, input: ChannelParsedInput<'contacts:delete'>): { id: number } {
  return transaction(ctx.db, () => {
    claimContact(ctx, input, 'delete');
    const contact = getContact(ctx, input);
    if (contact.uses > 0) {
      throw new ServiceError('conflict', 'Samarbeidspartneren er i bruk i saker eller nettverksloggen og kan bare arkiveres', {
        id: 'Samarbeidspartneren er i bruk og kan bare arkiveres',
      });
    }
    run(ctx.db, ctx.db.kysely.deleteFrom('contacts').where('id', '=', input.id));
    recordAuditSync(ctx, 'delete', 'contact', input.id, []);
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

export function createContactPerson(ctx: SignedInContext, input: ChannelParsedInput<'contacts:add-person'>): ContactDto {
  transaction(ctx.db, () => {
    getContact(ctx, { id: input.contactId });
    const row = first(
      ctx.db,
      ctx.db.kysely
        .insertInto('contact_people')
        .values({ contact_id: input.contactId, ...personValues(input) })
        .returning('id'),
    )!;
    recordAuditSync(ctx, 'create', 'contact_person', row.id, auditedFields('contacts:add-person', ['contactId', ...PERSON_FIELDS]));
  });
  return getContact(ctx, { id: input.contactId });
}

function loadPerson(ctx: ServiceContext, id: number): { contact_id: number } {
  const row = first(ctx.db, ctx.db.kysely.selectFrom('contact_people').select('contact_id').where('id', '=', id));
  if (!row) throw notFound('Kontaktpersonen finnes ikke');
  return row;
}

export function updateContactPerson(ctx: SignedInContext, input: ChannelParsedInput<'contacts:update-person'>): ContactDto {
  const contactId = transaction(ctx.db, () => {
    const person = loadPerson(ctx, input.id);
    run(ctx.db, ctx.db.kysely.updateTable('contact_people').set(personValues(input)).where('id', '=', input.id));
    recordAuditSync(ctx, 'update', 'contact_person', input.id, auditedFields('contacts:update-person', PERSON_FIELDS));
    return person.contact_id;
  });
  return getContact(ctx, { id: contactId });
}

export function deleteContactPerson(ctx: SignedInContext, input: ChannelParsedInput<'contacts:delete-person'>): ContactDto {
  const contactId = transaction(ctx.db, () => {
    const person = loadPerson(ctx, input.id);
    const used = first(ctx.db, ctx.db.kysely.selectFrom('case_contacts').select('id').where('person_id', '=', input.id));
    if (used) throw new ServiceError('conflict', 'Kontaktpersonen er knyttet til en sak', { id: 'Kontaktpersonen er knyttet til en sak' });
    run(ctx.db, ctx.db.kysely.deleteFrom('contact_people').where('id', '=', input.id));
    recordAuditSync(ctx, 'delete', 'contact_person', input.id, []);
    return person.contact_id;
  });
  return getContact(ctx, { id: contactId });
}
