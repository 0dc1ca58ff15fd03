import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDb, type Db } from '../../electron/db/engine';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import type { DB } from '../../electron/db/schema';
import { fixedClock, SIGNED_IN, type OnAnyEngine, type SignedInContext } from '../../electron/services/context';
import { listTimeEntries } from '../../electron/services/timeEntries/list';
import { timeWeek } from '../../electron/services/timeEntries/week';
import { createTimeEntry, deleteTimeEntry, updateTimeEntry } from '../../electron/services/timeEntries/write';
import { parseChannelInput } from '../../electron/cli/demo/serviceCall';
import type { ChannelInput } from '@shared/contract';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';

/**
 * The time entries' writes and reads on a PostgreSQL server and on a SQLite file, from the same rows: the same
 * entries, the same Norwegian refusals (a stale version, a date too far ahead), the same list and week.
 * Members with Norwegian initials, so the participants' order is Norwegian on both engines (Æ, Ø, Å after Z).
 */
const NOW = '2020-06-15T10:00:00.000Z';
const MEMBERS = [
  { username: 'aase', display_name: 'Åse Mikalsen', initials: 'ÅM' },
  { username: 'oystein', display_name: 'Øystein Ødegård', initials: 'ØØ' },
  { username: 'zara', display_name: 'Zara Lie', initials: 'ZL' },
  { username: 'aerlig', display_name: 'Ærlig Lund', initials: 'ÆL' },
];

async function fill(kysely: Kysely<DB>): Promise<void> {
  await kysely
    .insertInto('team_members')
    .values(MEMBERS.map((m, i) => ({ id: i + 1, ...m, role: 'administrator' as const, created_at: NOW, password_hash: null })))
    .execute();
  const steigen = await kysely.selectFrom('municipalities').select('id').where('name', '=', 'Steigen').executeTakeFirstOrThrow();
  for (const [id, running, referral] of [
    [1, 1, '2020-01-02'],
    [2, 2, '2020-02-03'],
  ] as const) {
    await kysely
      .insertInto('cases')
      .values({
        id,
        code: `0${running}/20-ST`,
        municipality_id: steigen.id,
        year: 2020,
        running_number: running,
        status: 'henvist',
        referral_date: referral,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function outcome(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { ok: false, code, message };
  }
}

/** The same calls on one engine, in order; what each gave back. */
async function scenario(db: Db): Promise<Record<string, Outcome>> {
  const municipality = async (name: string) =>
    (await db.kysely.selectFrom('municipalities').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const category = async (number: number) => (await db.kysely.selectFrom('categories').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const steigen = await municipality('Steigen');
  const felles = await municipality('Felles');
  const followUp = await category(1);
  const driving = await category(2);
  const as = (memberId: number, at = NOW): OnAnyEngine<SignedInContext> => ({
    db,
    actor: { id: memberId, username: MEMBERS[memberId - 1]!.username, role: 'administrator' },
    clock: fixedClock(at),
    session: { actor: null },
    [SIGNED_IN]: true,
  });
  const input = (overrides: Partial<ChannelInput<'time-entries:create'>> = {}) =>
    parseChannelInput('time-entries:create', {
      date: '2020-03-02',
      caseCode: '01/20-st',
      municipalityId: steigen,
      categoryId: followUp,
      hours: '1,5',
      participantIds: [1, 2, 3, 4],
      ...overrides,
    });

  const results: Record<string, Outcome> = {};
  const first = await createTimeEntry(as(1), input());
  results.create = { ok: true, value: first };
  const shared = await createTimeEntry(as(2), input({ caseCode: null, municipalityId: felles, categoryId: driving, hours: 2, participantIds: [2] }));
  results.createShared = { ok: true, value: shared };
  results.createOnSecondCase = await outcome(() => createTimeEntry(as(3), input({ caseCode: '02/20-ST', date: '2020-03-04', participantIds: [3] })));
  results.tooFarAhead = await outcome(() => createTimeEntry(as(1), input({ date: '2020-06-23' })));
  results.beforeReferral = await outcome(() => createTimeEntry(as(1), input({ caseCode: '02/20-ST', date: '2020-02-01' })));
  results.likelyDuplicate = await outcome(() => createTimeEntry(as(1), input()));

  const update = (memberId: number, version: number, at: string) =>
    updateTimeEntry(as(memberId, at), { ...input({ hours: '3' }), id: first.id, version } as never);
  results.update = await outcome(() => update(2, first.version, '2020-06-15T11:00:00.000Z'));
  // Åse still holds the version she read: Øystein saved since, so hers is refused and nothing is saved.
  results.staleUpdate = await outcome(() => update(1, first.version, '2020-06-16T12:00:00.000Z'));
  results.staleDelete = await outcome(() => deleteTimeEntry(as(1), { id: first.id, version: first.version }));
  results.delete = await outcome(() => deleteTimeEntry(as(2), { id: shared.id, version: shared.version }));

  const list = (over: Partial<ChannelInput<'time-entries:list'>>) => listTimeEntries({ db }, parseChannelInput('time-entries:list', over));
  results.listAll = { ok: true, value: await list({}) };
  results.listByCase = { ok: true, value: await list({ filter: { caseCode: '20-st' }, sort: { field: 'caseCode', direction: 'asc' } }) };
  results.listByMember = { ok: true, value: await list({ filter: { teamMemberId: 3, from: '2020-03-01' }, sort: { field: 'minutes', direction: 'desc' } }) };
  results.week = { ok: true, value: await timeWeek({ db }, { teamMemberId: 3, weekStart: '2020-03-02' }) };
  return results;
}

let dir: string;
let sqliteFile: AppDatabase;
let server: TestPostgresDatabase;
let onSqlite: Record<string, Outcome>;
let onPostgres: Record<string, Outcome>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ettervern-entries-'));
  sqliteFile = await openDatabase(join(dir, 'ettervern.sqlite'));
  server = await freshPostgresDatabase();
  await fill(sqliteFile.kysely);
  await fill(server.kysely);
  onSqlite = await scenario(sqliteFile);
  onPostgres = await scenario(postgresDb(server));
}, 60_000);

afterAll(async () => {
  sqliteFile?.close();
  await server?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('time entries on both engines', () => {
  it('gives the same answer to every call', () => {
    expect(Object.keys(onPostgres)).toEqual(Object.keys(onSqlite));
    for (const key of Object.keys(onSqlite)) expect(onPostgres[key], key).toEqual(onSqlite[key]);
  });

  it('saves, answers with the stored entry, and puts the participants in Norwegian order', () => {
    expect(onPostgres.create).toMatchObject({
      ok: true,
      value: {
        caseCode: '01/20-ST',
        minutes: 90,
        municipalityName: 'Steigen',
        version: 1,
        participants: [{ initials: 'ZL' }, { initials: 'ÆL' }, { initials: 'ØØ' }, { initials: 'ÅM' }],
      },
    });
    expect(onPostgres.update).toMatchObject({ ok: true, value: { minutes: 180, version: 2 } });
    expect(onPostgres.delete).toEqual({ ok: true, value: { id: (onPostgres.createShared as { value: { id: number } }).value.id } });
  });

  it('refuses a stale edit and a stale delete with the Norwegian conflict message, naming who saved', () => {
    expect(onPostgres.staleUpdate).toEqual({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/^Registreringen ble endret av Øystein Ødegård 15\.06\.2020 kl\. 13\.00/),
    });
    expect(onPostgres.staleDelete).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('ingenting ble slettet') });
  });

  it('refuses what the rules refuse, in Norwegian', () => {
    expect(onPostgres.tooFarAhead).toEqual({ ok: false, code: 'validation', message: 'Dato kan ikke være mer enn en uke fram i tid' });
    expect(onPostgres.beforeReferral).toMatchObject({ ok: false, code: 'validation', message: expect.stringContaining('før saken ble henvist') });
    expect(onPostgres.likelyDuplicate).toMatchObject({ ok: false, code: 'needs_confirmation' });
  });

  it('lists with a filter, totals and the week from the server as from the file', () => {
    const byCase = (onPostgres.listByCase as { value: { rows: { caseCode: string }[]; total: number } }).value;
    expect(byCase.rows.map((r) => r.caseCode)).toEqual(['01/20-ST', '02/20-ST']);
    expect(byCase.total).toBe(2);
    const week = (onPostgres.week as { value: { minutes: number } }).value;
    // Zara's week: the first entry, edited to 3 hours, and her own 1,5 hours on the second case.
    expect(week.minutes).toBe(180 + 90);
  });
});
