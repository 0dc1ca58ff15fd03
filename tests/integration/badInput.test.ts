import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '@shared/contract';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/**
 * Every refused call: a typed error with a Norwegian message and the field named, no value echoed
 * back, and not a single row written anywhere.
 */
let t: TestDatabase;
let steigen: number;

beforeEach(async () => {
  t = await createTestDatabase();
  steigen = municipalityId(t, 'Steigen');
  t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01' });
  await t.okAsync('time-entries:create', { date: '2020-03-02', caseCode: '01/20-ST', municipalityId: steigen, categoryId: categoryId(t, 1), hours: 1 });
});
afterEach(() => t.close());

const validEntry = () => ({ date: '2020-03-02', caseCode: '01/20-ST', municipalityId: steigen, categoryId: categoryId(t, 1), hours: '1,5' });

// Words of zod's and SQLite's own (English) messages, which must never reach the user.
const ENGLISH = /\b(expected|received|invalid|required|unrecognized|constraint|failed|undefined|null|error)\b/i;
const NORWEGIAN = /[æøå]|\b(er|ikke|mangler|gyldig|ugyldig|ukjent|finnes|feil|kan|skrives|allerede|logget|velg|skriv)\b/i;

interface BadCase {
  name: string;
  channel: ChannelName;
  payload: () => Record<string, unknown>;
  code: 'validation' | 'not_found' | 'conflict';
  field: string;
  message?: string | RegExp;
  /** A value sent that must not come back in the error. */
  sent?: string;
}

const CASES: BadCase[] = [
  {
    name: 'hours 0,25',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), hours: '0,25' }),
    code: 'validation',
    field: 'hours',
    message: 'Tidsbruk må være i hele eller halve timer',
    sent: '0,25',
  },
  {
    name: 'hours 0',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), hours: 0 }),
    code: 'validation',
    field: 'hours',
    message: 'Tidsbruk må være mer enn 0 timer',
  },
  { name: 'hours negative', channel: 'time-entries:create', payload: () => ({ ...validEntry(), hours: -2 }), code: 'validation', field: 'hours' },
  { name: 'hours 24,5', channel: 'time-entries:create', payload: () => ({ ...validEntry(), hours: '24,5' }), code: 'validation', field: 'hours', sent: '24,5' },
  {
    name: 'hours «abc»',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), hours: 'abc' }),
    code: 'validation',
    field: 'hours',
    message: 'Tidsbruk må være et tall, for eksempel 1,5',
    sent: 'abc',
  },
  {
    name: 'date 2020-02-30',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), date: '2020-02-30' }),
    code: 'validation',
    field: 'date',
    message: 'Dato må være en gyldig dato (dd.mm.åååå)',
    sent: '2020-02-30',
  },
  {
    name: 'date «i går»',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), date: 'i går' }),
    code: 'validation',
    field: 'date',
    message: 'Dato må være en gyldig dato (dd.mm.åååå)',
    sent: 'i går',
  },
  {
    name: 'date 03.02.2020 (not ISO)',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), date: '03.02.2020' }),
    code: 'validation',
    field: 'date',
    sent: '03.02.2020',
  },
  {
    name: 'unknown municipality',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), municipalityId: 999 }),
    code: 'validation',
    field: 'municipalityId',
    message: 'Ukjent kommune',
    sent: '999',
  },
  {
    name: 'unknown category',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), categoryId: 999 }),
    code: 'validation',
    field: 'categoryId',
    message: 'Ukjent hendelse',
    sent: '999',
  },
  {
    name: 'case code that does not exist',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), caseCode: '09/20-BE' }),
    code: 'validation',
    field: 'caseCode',
    message: 'Saken finnes ikke',
    sent: '09/20-BE',
  },
  {
    name: 'unknown participant',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), participantIds: [999] }),
    code: 'validation',
    field: 'participantIds',
  },
  {
    name: 'extra field',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), note: 'Ola Nordmann' }),
    code: 'validation',
    field: 'note',
    message: 'Ukjent felt: «note»',
    sent: 'Ola Nordmann',
  },
  {
    name: 'missing date',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), date: undefined }),
    code: 'validation',
    field: 'date',
    message: 'Skriv inn dato',
  },
  {
    name: 'missing municipality',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), municipalityId: undefined }),
    code: 'validation',
    field: 'municipalityId',
    message: 'Velg kommune',
  },
  {
    name: 'missing hours',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), hours: undefined }),
    code: 'validation',
    field: 'hours',
    message: 'Tidsbruk mangler',
  },
  {
    name: 'municipality id as text',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), municipalityId: String(steigen) }),
    code: 'validation',
    field: 'municipalityId',
    message: 'Velg kommune',
  },
  {
    name: 'date as a number',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), date: 20200302 }),
    code: 'validation',
    field: 'date',
    sent: '20200302',
  },
  {
    name: 'hours as true',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), hours: true }),
    code: 'validation',
    field: 'hours',
    message: 'Tidsbruk må være et tall, for eksempel 1,5',
  },
  {
    name: 'participants not a list',
    channel: 'time-entries:create',
    payload: () => ({ ...validEntry(), participantIds: 'MS' }),
    code: 'validation',
    field: 'participantIds',
  },
  { name: 'category id 1.5', channel: 'time-entries:create', payload: () => ({ ...validEntry(), categoryId: 1.5 }), code: 'validation', field: 'categoryId' },
  {
    name: 'update of an entry that does not exist',
    channel: 'time-entries:update',
    payload: () => ({ ...validEntry(), id: 4242, version: 1 }),
    code: 'not_found',
    field: '',
  },
  {
    name: 'update with hours 0,25',
    channel: 'time-entries:update',
    payload: () => ({ ...validEntry(), id: 1, version: 1, hours: '0,25' }),
    code: 'validation',
    field: 'hours',
    message: 'Tidsbruk må være i hele eller halve timer',
  },
  {
    name: 'update with an unknown case',
    channel: 'time-entries:update',
    payload: () => ({ ...validEntry(), id: 1, version: 1, caseCode: '07/20-ST' }),
    code: 'validation',
    field: 'caseCode',
    message: 'Saken finnes ikke',
  },
  { name: 'delete of an entry that does not exist', channel: 'time-entries:delete', payload: () => ({ id: 4242, version: 1 }), code: 'not_found', field: '' },
  {
    name: 'case in an unknown municipality',
    channel: 'cases:create',
    payload: () => ({ municipalityId: 999, referralDate: '2020-03-01' }),
    code: 'validation',
    field: 'municipalityId',
    message: 'Ukjent kommune',
  },
  {
    name: 'case with referral date 2021-02-29',
    channel: 'cases:create',
    payload: () => ({ municipalityId: steigen, referralDate: '2021-02-29' }),
    code: 'validation',
    field: 'referralDate',
    message: 'Henvisningsdato må være en gyldig dato (dd.mm.åååå)',
  },
  {
    name: 'case code in the wrong form',
    channel: 'cases:create',
    payload: () => ({ municipalityId: steigen, referralDate: '2020-03-01', code: 'ST-2020-1' }),
    code: 'validation',
    field: 'code',
    sent: 'ST-2020-1',
  },
  {
    name: 'case code already in use',
    channel: 'cases:create',
    payload: () => ({ municipalityId: steigen, referralDate: '2020-03-01', code: '01/20-ST' }),
    code: 'conflict',
    field: 'code',
    sent: '01/20-ST',
  },
  {
    name: 'case with an extra field',
    channel: 'cases:create',
    payload: () => ({ municipalityId: steigen, referralDate: '2020-03-01', name: 'Kari' }),
    code: 'validation',
    field: 'name',
    sent: 'Kari',
  },
  {
    name: 'closure of a case never started',
    channel: 'cases:close',
    payload: () => ({ id: 1, version: 1, closedDate: '2020-05-01', closureReason: 'overfort' }),
    code: 'conflict',
    field: 'status',
    message: /Bare en sak i oppfølging kan avsluttes/,
  },
  {
    name: 'three-month contact on a case never closed',
    channel: 'cases:record-after-contact',
    payload: () => ({ id: 1, version: 1, contactDate: '2020-05-01' }),
    code: 'conflict',
    field: 'status',
  },
  {
    name: 'follow-up without a risk assessment',
    channel: 'cases:start-follow-up',
    payload: () => ({ id: 1, version: 1, startDate: '2020-03-05' }),
    code: 'conflict',
    field: 'risk',
    message: /Farlighetsvurderingen/,
  },
  {
    name: 'expected discharge before referral',
    channel: 'cases:enter-institution',
    payload: () => ({ id: 1, version: 1, date: '2020-03-02', institutionKind: 'fengsel', expectedDischargeDate: '2020-02-01' }),
    code: 'validation',
    field: 'expectedDischargeDate',
    message: /før henvisningsdatoen/,
  },
  {
    name: 'unknown institution kind',
    channel: 'cases:enter-institution',
    payload: () => ({ id: 1, version: 1, date: '2020-03-02', institutionKind: 'hotell' }),
    code: 'validation',
    field: 'institutionKind',
    sent: 'hotell',
  },
  {
    name: 'rejection dated in the future',
    channel: 'cases:reject',
    payload: () => ({ id: 1, version: 1, date: '2020-07-01' }),
    code: 'validation',
    field: 'date',
    message: 'Datoen kan ikke være fram i tid',
  },
  {
    name: 'corrected code for another municipality',
    channel: 'cases:correct-code',
    payload: () => ({ id: 1, version: 1, code: '02/20-FA' }),
    code: 'validation',
    field: 'code',
    message: /-ST/,
    sent: '02/20-FA',
  },
  {
    name: 'risk assessment by an unknown member',
    channel: 'cases:record-risk-assessment',
    payload: () => ({ id: 1, version: 1, date: '2020-03-02', assessedById: 999, done: true }),
    code: 'validation',
    field: 'assessedById',
  },
  {
    name: 'staff with an unknown member',
    channel: 'cases:set-staff',
    payload: () => ({ id: 1, version: 1, staffIds: [999] }),
    code: 'validation',
    field: 'staffIds',
  },
  {
    name: 'domain rating 4 on a scale of 3',
    channel: 'cases:rate-domains',
    payload: () => ({ caseId: 1, version: 1, occasion: 'start', ratedOn: '2020-03-02', ratings: [{ domainId: 1, level: 4 }] }),
    code: 'validation',
    field: 'ratings.0.level',
    message: /Nivå kan være høyst 3/,
  },
  {
    name: 'domain rating on an unknown occasion',
    channel: 'cases:rate-domains',
    payload: () => ({ caseId: 1, version: 1, occasion: 'underveis', ratedOn: '2020-03-02', ratings: [{ domainId: 1, level: 2 }] }),
    code: 'validation',
    field: 'occasion',
    sent: 'underveis',
  },
  {
    name: 'domain rating note too long',
    channel: 'cases:rate-domains',
    payload: () => ({ caseId: 1, version: 1, occasion: 'start', ratedOn: '2020-03-02', ratings: [{ domainId: 1, level: 2, note: 'x'.repeat(201) }] }),
    code: 'validation',
    field: 'ratings.0.note',
  },
  {
    name: 'goal longer than 200 characters',
    channel: 'cases:add-goal',
    payload: () => ({ caseId: 1, text: 'y'.repeat(201) }),
    code: 'validation',
    field: 'text',
    message: 'Mål kan ha høyst 200 tegn',
  },
  { name: 'goal on a case that does not exist', channel: 'cases:add-goal', payload: () => ({ caseId: 4242, text: 'Bolig' }), code: 'not_found', field: '' },
  {
    name: 'contact with a bad e-mail',
    channel: 'contacts:create',
    payload: () => ({ name: 'NAV Fauske', kind: 'nav', area: 'regional', email: 'nav-fauske' }),
    code: 'validation',
    field: 'email',
    message: 'E-postadressen er ikke gyldig',
    sent: 'nav-fauske',
  },
  {
    name: 'contact in a member municipality without one',
    channel: 'contacts:create',
    payload: () => ({ name: 'NAV Fauske', kind: 'nav', area: 'member' }),
    code: 'validation',
    field: 'municipalityId',
  },
  {
    name: 'contact of an unknown kind',
    channel: 'contacts:create',
    payload: () => ({ name: 'NAV Fauske', kind: 'bank', area: 'regional' }),
    code: 'validation',
    field: 'kind',
    sent: 'bank',
  },
  {
    name: 'link to an unknown contact',
    channel: 'cases:link-contact',
    payload: () => ({ caseId: 1, contactId: 999, role: 'henviser' }),
    code: 'validation',
    field: 'contactId',
  },
  {
    name: 'network event in the future',
    channel: 'network:create',
    payload: () => ({ date: '2020-12-01', kind: 'fagnettverk' }),
    code: 'validation',
    field: 'date',
  },
  {
    name: 'network note over 300 characters',
    channel: 'network:create',
    payload: () => ({ date: '2020-03-01', kind: 'fagnettverk', note: 'z'.repeat(301) }),
    code: 'validation',
    field: 'note',
  },
  {
    name: 'life domain with an empty name',
    channel: 'life-domains:create',
    payload: () => ({ name: ' ' }),
    code: 'validation',
    field: 'name',
    message: 'Skriv inn navn',
  },
  {
    name: 'member with a bad username',
    channel: 'team-members:create',
    payload: () => ({ username: 'Kari Nord!', displayName: 'Kari', initials: 'KN', password: 'et-langt-passord' }),
    code: 'validation',
    field: 'username',
    sent: 'Kari Nord!',
  },
  {
    name: 'member with lower-case initials',
    channel: 'team-members:create',
    payload: () => ({ username: 'kari', displayName: 'Kari', initials: 'kn', password: 'et-langt-passord' }),
    code: 'validation',
    field: 'initials',
  },
  {
    name: 'member with an empty name',
    channel: 'team-members:create',
    payload: () => ({ username: 'kari', displayName: '   ', initials: 'KN', password: 'et-langt-passord' }),
    code: 'validation',
    field: 'displayName',
    message: 'Skriv inn navn',
  },
];

function expectNothingWritten(before: ReturnType<TestDatabase['counts']>): void {
  expect(t.counts()).toEqual(before);
}

describe('bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s is refused and writes nothing', async (_name, bad) => {
    const before = t.counts();
    // dispatchAsync answers for every channel, the engine-neutral (async) services included.
    const result = await t.dispatcher.dispatchAsync(bad.channel, bad.payload());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { error } = result;
    expect(error.code).toBe(bad.code);
    expect(error.message).toMatch(NORWEGIAN);
    expect(error.message).not.toMatch(ENGLISH);
    if (bad.message) expect(error.message).toEqual(typeof bad.message === 'string' ? bad.message : expect.stringMatching(bad.message));
    if (bad.field) {
      expect(Object.keys(error.fieldErrors)).toContain(bad.field);
      expect(error.fieldErrors[bad.field]).not.toMatch(ENGLISH);
    }
    if (bad.sent) expect(JSON.stringify(error)).not.toContain(bad.sent);
    expectNothingWritten(before);
  });

  it.each([
    ['time-entries:create', () => validEntry()],
    ['time-entries:update', () => ({ ...validEntry(), id: 1, version: 1 })],
    ['time-entries:delete', () => ({ id: 1, version: 1 })],
    ['cases:create', () => ({ municipalityId: steigen, referralDate: '2020-03-01' })],
    ['team-members:create', () => ({ username: 'kari', displayName: 'Kari Nord', initials: 'KN', password: 'et-langt-passord' })],
    ['cases:reject', () => ({ id: 1, version: 1, date: '2020-03-02' })],
    ['contacts:create', () => ({ name: 'NAV Fauske', kind: 'nav', area: 'regional' })],
    ['network:create', () => ({ date: '2020-03-01', kind: 'fagnettverk' })],
  ] as const)('%s while signed out is refused and writes nothing', async (channel, payload) => {
    await t.okAsync('session:sign-out', {});
    const before = t.counts();
    const result = await t.dispatcher.dispatchAsync(channel, payload());
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    if (!result.ok) expect(result.error.message).toBe('Du må være logget inn for å lagre endringer');
    expectNothingWritten(before);
  });

  it.each([null, undefined, 'tekst', 42, [], [validEntry]])('a payload that is not an object (%j) is refused', async (payload) => {
    const before = t.counts();
    const result = await t.dispatcher.dispatchAsync('time-entries:create', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!result.ok) expect(result.error.message).not.toMatch(ENGLISH);
    expectNothingWritten(before);
  });

  it.each(['cases:destroy', 'CASES:CREATE', '__proto__', 'constructor', 7, null])('an unknown channel %j is refused', (channel) => {
    const before = t.counts();
    expect(t.raw(channel, {})).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'Ukjent forespørsel', fieldErrors: {} } });
    expectNothingWritten(before);
  });

  it('names each of several bad fields, and shortens a long unknown key', async () => {
    const longKey = 'x'.repeat(500);
    const result = await t.dispatcher.dispatchAsync('time-entries:create', { ...validEntry(), hours: '0,25', date: 'i går', [longKey]: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fieldErrors).toMatchObject({ hours: 'Tidsbruk må være i hele eller halve timer', date: 'Dato må være en gyldig dato (dd.mm.åååå)' });
    expect(result.error.message).toMatch(/^Kontroller feltene: /);
    expect(JSON.stringify(result.error).length).toBeLessThan(600);
  });
});
