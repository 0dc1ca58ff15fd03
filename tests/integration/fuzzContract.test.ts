import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '@shared/contract';
import { createSettledDatabase, fileFingerprint } from '../support/fileState';
import type { TestDatabase } from '../support/testDatabase';

/**
 * Hostile payloads for EVERY channel, derived from the contract alone, so a channel added later is fuzzed
 * without touching this file. Each payload is made invalid on purpose (a field of the wrong type, an
 * unknown key, or not an object at all) and checked to be invalid before it is sent: the test proves
 * refusals, not that random input happens to be refused.
 */
const PAYLOADS_PER_CHANNEL = Math.ceil(10_000 / CHANNEL_NAMES.length);

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
interface JsonSchema {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
}

/** Which JavaScript values a field's schema could accept at all, by kind; null when it cannot tell. */
function acceptedKinds(schema: JsonSchema): Set<JsonType> | null {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const all = new Set<JsonType>();
    for (const branch of branches) {
      const kinds = acceptedKinds(branch);
      if (!kinds) return null;
      for (const kind of kinds) all.add(kind);
    }
    return all;
  }
  if (schema.type) return new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.enum) return new Set(schema.enum.map(kindOf));
  if ('const' in schema) return new Set([kindOf(schema.const)]);
  return null;
}

function kindOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return value === true || value === false ? 'boolean' : 'string';
  return 'object';
}

const deep = (depth: number): unknown => {
  let value: unknown = 'bunn';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  'ø'.repeat(3),
  'x'.repeat(5_000),
  '$where',
  'a.b',
  '0',
);
/** Values that have broken validators before: huge, non-finite, impossible dates, prototype tricks, depth. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 0, 2 ** 53 + 1, 1.5, Number.MIN_VALUE),
  fc.constantFrom('2020-02-30', '2021-02-29', '2020-13-01', '0000-00-00', '2020-1-1', '31.12.2020', '9999-99-99', '2020-06-15T25:00'),
  fc.constantFrom('', ' ', 'a'.repeat(100_000), "'; drop table cases; --", '\u0000', '\u202e', '😀'.repeat(1000), '1,5', 'NaN', '__proto__'),
  fc.constantFrom(true, false, null),
  fc.constantFrom(new Date('invalid'), new Date(0), 10n, new Uint8Array(4), new Map([['a', 1]]), new Set([1])),
  fc.constant(null).map(() => deep(2_000)),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}')),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 4 }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

/** A value whose kind the field cannot accept, or null when the field's kinds are unknown. */
function wrongValueFor(field: JsonSchema): fc.Arbitrary<unknown> | null {
  const kinds = acceptedKinds(field);
  if (!kinds) return null;
  if (kinds.has('integer')) kinds.add('number');
  return hostileValue.filter((value) => !kinds.has(kindOf(value)) && !(value instanceof Object && kinds.has('object') && !Array.isArray(value)));
}

/** Sets a key as an own property, even `__proto__` (an object literal would change the prototype instead). */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

function payloadsFor(channel: ChannelName): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(contract[channel].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  // Never null or undefined: the dispatcher reads those as «no payload», valid for channels without input.
  const notAnObject = hostileValue.filter((value) => value !== null && (typeof value !== 'object' || Array.isArray(value)));
  const filler = fc.dictionary(fc.constantFrom(...(names.length ? names : ['x'])), hostileValue, { maxKeys: names.length });
  const unknownKey = fc
    .tuple(
      filler,
      hostileKey.filter((key) => !names.includes(key)),
      hostileValue,
    )
    .map(([base, key, value]) => withKey({ ...base }, key, value));
  const breakable = names.map((name) => [name, wrongValueFor(properties[name]!)] as const).filter((pair) => pair[1] !== null);
  const wrongType = breakable.length
    ? fc.tuple(filler, fc.constantFrom(...breakable)).chain(([base, [name, wrong]]) => wrong!.map((value) => withKey({ ...base }, name, value)))
    : unknownKey;
  return fc.oneof(notAnObject, unknownKey, wrongType);
}

const NORWEGIAN =
  /mangler|Velg |Skriv inn |Finner ikke |ikke riktig fylt ut|må være|har feil type|Ukjent felt|må |kan ha høyst|kan være høyst|ugyldig|Kontroller feltene|er ugyldig/;
const ENGLISH = /\b(Invalid|Expected|Required|received|must|Unrecognized|string|number)\b/;

let t: TestDatabase;
const fileBytes = () => fileFingerprint(t.path);

beforeAll(async () => {
  t = await createSettledDatabase();
});
afterAll(() => t.close());

describe('contract fuzzing', () => {
  it('refuses every generated invalid payload on every channel with a typed Norwegian error and writes nothing', async () => {
    const before = fileBytes();
    const session = { ...t.dispatcher.session.actor };
    let sent = 0;
    for (const channel of CHANNEL_NAMES) {
      const schema = contract[channel].input as z.ZodType;
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel), async (payload) => {
          // The generator's promise, checked: a valid payload here would be a bug in this test.
          expect(schema.safeParse(payload).success, `${channel} got a valid payload`).toBe(false);
          const result = await t.dispatcher.dispatchAsync(channel, payload);
          sent++;
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error.code).toBe('validation');
          expect(result.error.message).toMatch(NORWEGIAN);
          expect(result.error.message).not.toMatch(ENGLISH);
          // Nothing from the payload is echoed back at length (keys are shortened, values never shown).
          expect(result.error.message.length).toBeLessThan(400);
          for (const message of Object.values(result.error.fieldErrors)) expect(message).not.toMatch(ENGLISH);
        }),
        { numRuns: PAYLOADS_PER_CHANNEL, seed: Number(process.env.ETTERVERN_FUZZ_SEED ?? Date.now() % 1_000_000) },
      );
    }
    console.log(`Fuzzing: ${sent} ugyldige forespørsler over ${CHANNEL_NAMES.length} kanaler, alle avvist`);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(t.dispatcher.session.actor).toEqual(session);
    t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileBytes()).toBe(before);
  }, 180_000);
});
