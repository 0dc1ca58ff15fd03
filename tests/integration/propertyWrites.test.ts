import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '@shared/contract';
import { verifyAuditChain } from '../../electron/services/audit/log';
import { categoryId, createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/**
 * Issue 16, finding 9: every earlier fuzz payload was schema-invalid by construction, so no service ever
 * saw hostile input that the boundary lets through. Here inputs are generated from each write channel's
 * own zod schema — hostile strings, boundary dates and numbers, Unicode, SQL text, names as long as the
 * schema allows — and kept only when the schema accepts them; they go through the dispatcher, and after
 * every sequence the invariants are checked.
 */

/** Write channels that stay out: they sign out or lock the session the run depends on, touch files or Word, or move the clock. */
const EXCLUDED_DOMAINS = ['session', 'backups', 'timesheet', 'documents', 'templates', 'annual-report', 'retention'];
const EXCLUDED_CHANNELS = new Set<string>(['audit:export', 'time-entries:export', 'statistics:export-table', 'team-members:set-active']);

const WRITE_CHANNELS = (Object.keys(contract) as ChannelName[]).filter(
  (name) => contract[name].kind === 'mutation' && !EXCLUDED_DOMAINS.includes(name.split(':')[0]!) && !EXCLUDED_CHANNELS.has(name),
);

const HOSTILE = [
  "'; drop table cases; --",
  "Robert'); delete from audit_log where ('1'='1",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x","klikk")',
  '../../../etc/passwd',
  'Ærlig Østby-Åsen',
  'İstanbul ǅ ß ﬀ',
  '👨‍👩‍👧‍👦 😀',
  '\u202Eevil\u202C',
  'Z̷̢a̵l̶g̸o',
  'tab\there\nnewline',
  '\u00a0nbsp\u00a0',
  '%s%n%x',
  '${process.exit()}',
  '0',
  '-1',
  'NaN',
  'null',
];
const DATES = [
  '0001-01-01',
  '1900-01-01',
  '1999-12-31',
  '2000-02-29',
  '2019-12-31',
  '2020-01-01',
  '2020-02-29',
  '2020-03-02',
  '2020-06-15',
  '2024-12-31',
  '2099-12-31',
  '9999-12-31',
];
const HOURS = ['0', '0,25', '0,5', '1', '1,5', '1½', '7,75', '12', '23,75', '24'];
const MISC = ['03/20-ST', '03/20-st', 'a', 'ny-bruker', 'post@example.no', '75 77 88 00', 'nav', 'member'];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strings for one string schema: the pools, plus the longest the schema allows, kept when it accepts them. */
function stringArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const bag = schema as unknown as { maxLength?: number | null; minLength?: number | null };
  const max = Math.min(bag.maxLength ?? 300, 5000);
  const long = ['Ø'.repeat(max), "'".repeat(max), '😀'.repeat(Math.floor(max / 2)), 'a'.repeat(Math.max(bag.minLength ?? 1, 1))];
  const valid = [...HOSTILE, ...DATES, ...HOURS, ...MISC, ...long].filter((value) => schema.safeParse(value).success);
  // No filter that could search for ever: a schema none of the pools satisfy yields a payload the
  // command level then sets aside (counted, so the test shows how much reached the services).
  return valid.length > 0 ? fc.constantFrom(...valid) : fc.constant(undefined);
}

function numberArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const bag = schema as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean };
  const min = Math.max(bag.minValue ?? -1_000_000, -Number.MAX_SAFE_INTEGER);
  const max = Math.min(bag.maxValue ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  const boundaries = [min, max, min + 1, max - 1, 0, 1, 2, 3, 2_147_483_647].filter((n) => schema.safeParse(n).success);
  const between = bag.isInt === false ? fc.double({ min, max, noNaN: true }) : fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.oneof(fc.constantFrom(...(boundaries.length > 0 ? boundaries : [min])), between);
}

/**
 * The version a client read: mostly 1 (the records here are seldom edited twice), so edits reach the
 * services; sometimes any valid number, so stale saves and their conflicts are exercised too.
 */
function versionArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: arbitraryFor(schema) });
}

/** A fast-check arbitrary for a zod schema: object, string, number, boolean, enum, literal, array, optional, nullable, default, pipe, union. */
function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const parts = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, key === 'version' ? versionArbitrary(value) : arbitraryFor(value)]));
      return fc.record(parts).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
    }
    case 'string':
      return stringArbitrary(schema);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array':
      return fc.array(arbitraryFor(def.element as z.ZodType), { maxLength: 4 });
    case 'optional':
    case 'default':
      return fc.option(arbitraryFor(def.innerType as z.ZodType), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType), { nil: null });
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(arbitraryFor));
    default:
      return fc.constant(undefined);
  }
}

const commands = fc.oneof(
  ...WRITE_CHANNELS.map((channel) => {
    const schema = contract[channel].input as z.ZodType;
    return arbitraryFor(schema).map((payload) => ({ channel, payload, valid: schema.safeParse(payload).success }));
  }),
);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // Something for the generated ids and codes to hit: a case 03/20-ST, an entry on it, a contact.
  const steigen = municipalityId(t, 'Steigen');
  t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', code: '03/20-ST' });
  t.ok('time-entries:create', { date: '2020-03-02', caseCode: '03/20-ST', municipalityId: steigen, categoryId: categoryId(t, 2), hours: '1,5' });
  t.ok('contacts:create', { name: 'NAV Steigen', kind: 'nav', area: 'member', municipalityId: steigen });
});
afterAll(() => t?.close());

const auditRows = () => (t.db.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

/** Rows inserted, updated or deleted on this connection so far (SQLite's own count). */
function totalChanges(): number {
  return (t.db.sqlite.prepare('select total_changes() as n').get() as { n: number }).n;
}

function checkDailyTotals(): void {
  const days = t.db.sqlite
    .prepare(
      'select e.entry_date as date, p.team_member_id as member, sum(e.minutes) as minutes from time_entries e join time_entry_participants p on p.time_entry_id = e.id group by e.entry_date, p.team_member_id',
    )
    .all() as { date: string; member: number; minutes: number }[];
  for (const day of days.slice(0, 20)) {
    // The week view's day sum for that member must equal the stored minutes exactly.
    const monday = new Date(`${day.date}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const week = t.ok('time-entries:week', { teamMemberId: day.member, weekStart: monday.toISOString().slice(0, 10) });
    expect(week.days.find((d) => d.date === day.date)?.minutes, `dagsum ${day.date}`).toBe(day.minutes);
  }
}

describe('schema-valid hostile writes through the dispatcher', () => {
  it('never crash, answer with success or a typed error, audit every success, keep the file whole and the day totals exact', async () => {
    expect(WRITE_CHANNELS.length).toBeGreaterThan(30);
    let successes = 0;
    let validCalls = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commands, { minLength: 1, maxLength: 6 }), async (sequence) => {
        for (const { channel, payload, valid } of sequence) {
          // Only schema-valid input is the point here; the rest is the existing fuzz test's job.
          if (!valid) continue;
          validCalls += 1;
          const before = auditRows();
          const changesBefore = totalChanges();
          const result = await t.dispatcher.dispatchAsync(channel, payload);
          if (result.ok) {
            successes += 1;
            // A write that changed nothing (archiving what is already archived) has nothing to log.
            if (totalChanges() > changesBefore) expect(auditRows(), `${channel} skrev ingen revisjonsrad`).toBeGreaterThan(before);
          } else {
            expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('internal');
            expect(typeof result.error.message).toBe('string');
          }
        }
        expect(t.db.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
        expect(t.db.sqlite.pragma('foreign_key_check')).toEqual([]);
        checkDailyTotals();
      }),
      { numRuns: 40, seed: 16_2026 },
    );
    expect(verifyAuditChain(t.db).ok).toBe(true);
    // The generator must reach the services, not only their refusals.
    expect(validCalls).toBeGreaterThan(100);
    expect(successes).toBeGreaterThan(20);
  }, 30_000);
});
