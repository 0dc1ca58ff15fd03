import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelParsedInput, ContactDto } from '@shared/contract';
import { postgresDb, type Db } from '../../electron/db/engine';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { fixedClock, SIGNED_IN, type OnAnyEngine, type SignedInContext } from '../../electron/services/context';
import { archiveContact, createContact, createContactPerson, listContacts, updateContact } from '../../electron/services/contacts/contacts';
import { createLifeDomain, listLifeDomains, updateLifeDomain } from '../../electron/services/reference/lifeDomains';
import { listCategories, listMunicipalities } from '../../electron/services/reference/reference';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * The contacts and the reference lists through their services on a SQLite file and on a PostgreSQL server,
 * from the same calls: the same answers (Norwegian order and search included), the same audit rows, and
 * the same Norwegian refusals for a stale version, a duplicate name and a missing field.
 */
const NOW = '2024-03-04T09:15:00.000Z';
const ADMIN = { id: 1, username: 'ase.mikalsen', role: 'administrator' as const };

type Context = OnAnyEngine<SignedInContext>;

let dir: string;
let sqliteFile: AppDatabase;
let server: TestPostgresDatabase;
const contexts: Record<'sqlite' | 'postgres', Context> = {} as never;

async function addAdministrator(db: Db): Promise<void> {
  await db.kysely
    .insertInto('team_members')
    .values({
      id: ADMIN.id,
      username: ADMIN.username,
      display_name: 'Åse Mikalsen',
      initials: 'ÅM',
      role: 'administrator',
      active: 1,
      created_at: NOW,
      password_hash: null,
      last_failed_sign_in_at: null,
    })
    .execute();
}

function contextOn(db: Db): Context {
  return { db, actor: ADMIN, clock: fixedClock(NOW), session: { actor: ADMIN }, [SIGNED_IN]: true };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ettervern-contacts-'));
  sqliteFile = await openDatabase(join(dir, 'ettervern.sqlite'));
  server = await freshPostgresDatabase();
  for (const db of [sqliteFile, postgresDb(server)]) await addAdministrator(db);
  contexts.sqlite = contextOn(sqliteFile);
  contexts.postgres = contextOn(postgresDb(server));
}, 120_000);

afterAll(async () => {
  sqliteFile?.close();
  await server?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the same calls on both engines, SQLite first. */
async function onBoth<T>(work: (ctx: Context) => Promise<T>): Promise<{ sqlite: T; postgres: T }> {
  return { sqlite: await work(contexts.sqlite), postgres: await work(contexts.postgres) };
}

/** What a refused call threw, as the dispatcher would pass it on. */
async function refusal(call: Promise<unknown>): Promise<{ code: unknown; message: string; fieldErrors: unknown }> {
  try {
    await call;
  } catch (error) {
    const { code, message, fieldErrors } = error as { code: unknown; message: string; fieldErrors: unknown };
    return { code, message, fieldErrors };
  }
  throw new Error('the call was not refused');
}

/** A contact as the page shows it, without the ids each engine hands out. */
function shown(contact: ContactDto) {
  const { id: _id, municipalityId: _municipality, people, ...rest } = contact;
  return { ...rest, people: people.map(({ id: _person, ...person }) => person) };
}

async function municipalityIdOf(ctx: Context, name: string): Promise<number> {
  return (await listMunicipalities(ctx)).find((m) => m.name === name)!.id;
}

async function auditRows(db: Db) {
  return db.kysely.selectFrom('audit_log').select(['action', 'record_type', 'fields']).orderBy('id').execute();
}

const NAMES = ['Åsen behandlingssenter', 'Aas rådgivning', 'Zeta helse', 'Ærlig omsorg', 'NAV Sørfold', 'Øvre Salten DPS', 'ambulant team'];

describe('contacts and reference lists on SQLite and on PostgreSQL', () => {
  it('list the same municipalities and categories', async () => {
    const { sqlite, postgres } = await onBoth(async (ctx) => ({
      municipalities: (await listMunicipalities(ctx)).map(({ id: _id, ...m }) => m),
      categories: (await listCategories(ctx, { includeRetired: true })).map(({ id: _id, ...c }) => c),
    }));
    expect(sqlite.municipalities.length).toBeGreaterThan(9);
    expect(postgres).toEqual(sqlite);
  });

  it('create contacts and list them in Norwegian order («Aa» as Å, æ ø å after z), searched with folding', async () => {
    const { sqlite, postgres } = await onBoth(async (ctx) => {
      const sorfold = await municipalityIdOf(ctx, 'Sørfold');
      for (const name of NAMES) {
        const inSorfold = name.includes('Sørfold');
        await createContact(ctx, {
          name,
          kind: inSorfold ? 'nav' : 'annet',
          area: inSorfold ? 'member' : 'regional',
          municipalityId: inSorfold ? sorfold : null,
        } as ChannelParsedInput<'contacts:create'>);
      }
      return {
        all: (await listContacts(ctx, {} as ChannelParsedInput<'contacts:list'>)).map(shown),
        bySearch: (await listContacts(ctx, { search: 'SØRF' } as ChannelParsedInput<'contacts:list'>)).map((c) => c.name),
        byFold: (await listContacts(ctx, { search: 'ærlig' } as ChannelParsedInput<'contacts:list'>)).map((c) => c.name),
      };
    });
    expect(sqlite.all.map((c) => c.name)).toEqual([
      'ambulant team',
      'NAV Sørfold',
      'Zeta helse',
      'Ærlig omsorg',
      'Øvre Salten DPS',
      'Aas rådgivning',
      'Åsen behandlingssenter',
    ]);
    expect(sqlite.bySearch).toEqual(['NAV Sørfold']);
    expect(sqlite.byFold).toEqual(['Ærlig omsorg']);
    expect(postgres).toEqual(sqlite);
  });

  it('add a person, update and archive with the version read, and refuse a stale version with the same Norwegian message', async () => {
    const { sqlite, postgres } = await onBoth(async (ctx) => {
      const [contact] = (await listContacts(ctx, { search: 'Zeta' } as ChannelParsedInput<'contacts:list'>))!;
      const withPerson = await createContactPerson(ctx, {
        contactId: contact!.id,
        name: 'Kari Veileder',
        role: 'Veileder',
      } as ChannelParsedInput<'contacts:add-person'>);
      const fields = { id: contact!.id, name: 'Zeta helse og omsorg', kind: 'annet', area: 'regional', phone: '75 50 00 00' };
      const updated = await updateContact(ctx, { ...fields, version: contact!.version } as ChannelParsedInput<'contacts:update'>);
      const stale = await refusal(updateContact(ctx, { ...fields, name: 'Zeta', version: contact!.version } as ChannelParsedInput<'contacts:update'>));
      const archived = await archiveContact(ctx, { id: contact!.id, version: updated.version, archived: true } as ChannelParsedInput<'contacts:archive'>);
      const missingMunicipality = await refusal(createContact(ctx, { name: 'NAV', kind: 'nav', area: 'member' } as ChannelParsedInput<'contacts:create'>));
      return { withPerson: shown(withPerson), updated: shown(updated), stale, archived: shown(archived), missingMunicipality };
    });
    expect(sqlite.updated).toMatchObject({ name: 'Zeta helse og omsorg', phone: '75 50 00 00', people: [{ name: 'Kari Veileder' }] });
    expect(sqlite.stale).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Kontakten ble endret av Åse Mikalsen kl\. /) });
    expect(sqlite.archived.archived).toBe(true);
    expect(sqlite.missingMunicipality).toEqual({
      code: 'validation',
      message: 'Velg kommunen samarbeidspartneren hører til',
      fieldErrors: { municipalityId: 'Velg kommunen samarbeidspartneren hører til' },
    });
    expect(postgres).toEqual(sqlite);
  });

  it('add and retire a life domain, refusing a name that differs only in case and a stale version alike', async () => {
    const { sqlite, postgres } = await onBoth(async (ctx) => {
      const added = await createLifeDomain(ctx, { name: 'Fritid' });
      const duplicate = await refusal(createLifeDomain(ctx, { name: 'FRITID' }));
      const retired = await updateLifeDomain(ctx, { id: added.id, version: added.version, retired: true } as ChannelParsedInput<'life-domains:update'>);
      const stale = await refusal(
        updateLifeDomain(ctx, { id: added.id, version: added.version, name: 'Fritid og hobby' } as ChannelParsedInput<'life-domains:update'>),
      );
      const strip = ({ id: _id, ...domain }: { id: number }) => domain;
      return {
        added: strip(added),
        duplicate,
        retired: strip(retired),
        stale,
        inUse: (await listLifeDomains(ctx, { includeRetired: false })).map((d) => d.name),
        all: (await listLifeDomains(ctx, { includeRetired: true })).map(strip),
      };
    });
    expect(sqlite.duplicate).toMatchObject({ code: 'conflict', message: 'Det finnes allerede et livsområde med dette navnet' });
    expect(sqlite.stale).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Livsområdet ble endret av Åse Mikalsen/) });
    expect(sqlite.inUse).not.toContain('Fritid');
    expect(sqlite.all.at(-1)).toMatchObject({ name: 'Fritid', retired: true });
    expect(postgres).toEqual(sqlite);
  });

  it('wrote the same audit rows, and none for the refused calls', async () => {
    const { sqlite, postgres } = await onBoth((ctx) => auditRows(ctx.db));
    expect(sqlite.map((row) => `${row.action} ${row.record_type}`)).toEqual([
      ...NAMES.map(() => 'create contact'),
      'create contact_person',
      'update contact',
      'archive contact',
      'create life_domain',
      'update life_domain',
    ]);
    expect(postgres).toEqual(sqlite);
  });
});
