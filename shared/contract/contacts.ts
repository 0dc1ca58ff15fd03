import { z } from '../validation/zodNorwegian';
import { idSchema, versionedIdInput, versionField } from './common';
import { mutationChannel, queryChannel } from './channel';
import { optionalText } from './cases/caseLife';
import { CONTACT_AREAS, CONTACT_KINDS, type ContactArea, type ContactKind } from '../domain/caseLife';

export interface ContactPersonDto {
  id: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export interface ContactDto {
  id: number;
  name: string;
  kind: ContactKind;
  area: ContactArea;
  municipalityId: number | null;
  municipalityName: string | null;
  otherMunicipality: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  archived: boolean;
  /** Cases and network events that point at it; a contact in use can be archived, not deleted. */
  uses: number;
  people: ContactPersonDto[];
  /** What an edit or delete sends back (migration 0013). */
  version: number;
}

const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v === '' || /^\+?[\d ()-]{4,}$/.test(v), { message: 'Telefonnummeret kan bare ha sifre, mellomrom og +' })
  .nullable()
  .optional();

const emailSchema = z
  .string()
  .trim()
  .max(120)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'E-postadressen er ikke gyldig' })
  .nullable()
  .optional();

const contactFields = {
  name: z.string().trim().min(1).max(120),
  kind: z.enum(CONTACT_KINDS),
  area: z.enum(CONTACT_AREAS),
  municipalityId: idSchema.nullable().optional(),
  otherMunicipality: optionalText(60),
  phone: phoneSchema,
  email: emailSchema,
  address: optionalText(200),
};

const personFields = {
  name: z.string().trim().min(1).max(120),
  role: optionalText(60),
  phone: phoneSchema,
  email: emailSchema,
};

/** What a contact's answer is made of: its people, and the cases and network events that use it. */
const contactTables = ['contacts', 'contact_people', 'case_contacts', 'network_event_contacts', 'municipalities'] as const;
const changesContact = ['contacts', 'audit_log'] as const;
const changesPeople = ['contact_people', 'audit_log'] as const;

export const contactChannels = {
  'contacts:list': queryChannel<ContactDto[]>()(
    z.strictObject({
      search: z.string().max(60).optional(),
      municipalityId: idSchema.optional(),
      kind: z.enum(CONTACT_KINDS).optional(),
      area: z.enum(CONTACT_AREAS).optional(),
      includeArchived: z.boolean().optional(),
    }),
    'Samarbeidspartnere i norsk alfabetisk rekkefølge, med søk og filter',
    contactTables,
  ),
  'contacts:get': queryChannel<ContactDto>()(z.strictObject({ id: idSchema }), 'Én samarbeidspartner med personer', contactTables),
  'contacts:create': mutationChannel<ContactDto>()(z.strictObject(contactFields), 'Registrer en samarbeidspartner', changesContact),
  'contacts:update': mutationChannel<ContactDto>()(
    z.strictObject({ id: idSchema, ...versionField, ...contactFields }),
    'Endre en samarbeidspartner',
    changesContact,
  ),
  'contacts:archive': mutationChannel<ContactDto>()(
    z.strictObject({ id: idSchema, ...versionField, archived: z.boolean() }),
    'Arkiver (eller hent fram igjen) en samarbeidspartner',
    changesContact,
  ),
  'contacts:delete': mutationChannel<{ id: number }>()(
    versionedIdInput,
    'Slett en samarbeidspartner som ikke er i bruk',
    // Its people go with it.
    ['contacts', 'contact_people', 'audit_log'],
  ),
  'contacts:add-person': mutationChannel<ContactDto>()(
    z.strictObject({ contactId: idSchema, ...personFields }),
    'Legg til en person hos en samarbeidspartner',
    changesPeople,
  ),
  'contacts:update-person': mutationChannel<ContactDto>()(z.strictObject({ id: idSchema, ...personFields }), 'Endre en kontaktperson', changesPeople),
  'contacts:delete-person': mutationChannel<ContactDto>()(
    z.strictObject({ id: idSchema }),
    'Slett en kontaktperson som ikke er knyttet til en sak',
    changesPeople,
  ),
} as const;
