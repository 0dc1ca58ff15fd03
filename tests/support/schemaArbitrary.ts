import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries derived from a channel's own zod schema: every value is drawn from pools of
 * hostile text, boundary dates and numbers, and kept only where the schema accepts it, so the services
 * see hostile input the boundary lets through (issue 16, finding 9). A field may get its own pool by
 * name (`pools`), for values only the test can make: a real file as base64, a folder that exists, a job id.
 */

export const HOSTILE_TEXT = [
  "'; drop table cases; --",
  "Robert'); delete from audit_log where ('1'='1",
  '" or 1=1 --',
  "x' union select password_hash from team_members --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x","klikk")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '../../../etc/passwd',
  '\\\\host\\share\\evil.dotm',
  'Ærlig Østby-Åsen',
  'İstanbul ǅ ß ﬀ',
  '👨‍👩‍👧‍👦 😀',
  '\u202Eevil\u202C',
  'שלום עליכם \u200F',
  'مرحبا بالعالم',
  'Z̷̢a̵l̶g̸o',
  'e\u0301\u0301\u0301 combining',
  'nul\u0000byte',
  '\u0000',
  'tab\there\nnewline\r\n',
  '\u00a0nbsp\u00a0',
  '\uFEFFbom',
  '\uD800 lone surrogate',
  '%s%n%x',
  '${process.exit()}',
  '{#kommune}{/kommune}',
  '0',
  '-1',
  'NaN',
  'null',
  ' ',
];
export const BOUNDARY_DATES = [
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
export const HOURS_TEXT = ['0', '0,25', '0,5', '1', '1,5', '1½', '7,75', '12', '23,75', '24'];
const MISC = ['03/20-ST', '03/20-st', 'a', 'ny-bruker', 'post@example.no', '75 77 88 00', 'nav', 'member', 'AB', 'ÆØÅ'];

export type FieldPools = Record<string, readonly unknown[]>;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strings for one string schema: the pools, plus the longest the schema allows, kept when it accepts them. */
function stringArbitrary(schema: z.ZodType, extra: readonly unknown[]): fc.Arbitrary<unknown> {
  const bag = schema as unknown as { maxLength?: number | null; minLength?: number | null };
  const max = Math.min(bag.maxLength ?? 300, 5000);
  const long = [
    'Ø'.repeat(max),
    "'".repeat(max),
    '😀'.repeat(Math.floor(max / 2)),
    'e\u0301'.repeat(Math.floor(max / 2)),
    'a'.repeat(Math.max(bag.minLength ?? 1, 1)),
  ];
  const valid = [...extra, ...HOSTILE_TEXT, ...BOUNDARY_DATES, ...HOURS_TEXT, ...MISC, ...long].filter((value) => schema.safeParse(value).success);
  // No filter that could search for ever: a schema none of the pools satisfy yields a payload the
  // caller then sets aside (counted, so the test shows how much reached the services).
  return valid.length > 0 ? fc.constantFrom(...valid) : fc.constant(undefined);
}

function numberArbitrary(schema: z.ZodType, key: string | null): fc.Arbitrary<unknown> {
  const bag = schema as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean };
  const min = Math.max(bag.minValue ?? -1_000_000, -Number.MAX_SAFE_INTEGER);
  const max = Math.min(bag.maxValue ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  const boundaries = [min, max, min + 1, max - 1, 0, 1, 2, 3, 2_147_483_647, Number.MAX_SAFE_INTEGER].filter((n) => schema.safeParse(n).success);
  const between = bag.isInt === false ? fc.double({ min, max, noNaN: true }) : fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const arbitraries = [fc.constantFrom(...(boundaries.length > 0 ? boundaries : [min])), between];
  // Ids of records that exist, so updates and deletes reach the services rather than their not_found.
  if (key !== null && /(^id|Id|Ids)$/.test(key)) arbitraries.push(fc.integer({ min: 1, max: 12 }).filter((n) => schema.safeParse(n).success));
  return fc.oneof(...arbitraries);
}

/**
 * The version a client read: mostly 1 (the records here are seldom edited twice), so edits reach the
 * services; sometimes any valid number, so stale saves and their conflicts are exercised too.
 */
function versionArbitrary(schema: z.ZodType, pools: FieldPools): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: schemaArbitrary(schema, pools, null) });
}

/**
 * A schema with rules across its parts (a refinement, a transform such as hours → minutes) accepts few of
 * the values its parts generate: a fixed sample of them is checked once here and the accepted ones are
 * drawn most of the time, so valid input reaches the services; the rest still gets through sometimes.
 */
function mostlyAccepted(schema: z.ZodType, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const accepted = [...new Set(fc.sample(arbitrary, { numRuns: 300, seed: 16 }).filter((value) => schema.safeParse(value).success))];
  return accepted.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...accepted) }, { weight: 1, arbitrary }) : arbitrary;
}

/** A fast-check arbitrary for a zod schema: object, string, number, boolean, enum, literal, array, tuple, record, optional, nullable, default, pipe, union. */
export function schemaArbitrary(schema: z.ZodType, pools: FieldPools = {}, key: string | null = null): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const arbitrary = partsArbitrary(schema, def, pools, key);
  const refined = (Array.isArray(def.checks) && def.checks.length > 0 && def.type !== 'string' && def.type !== 'number') || def.type === 'pipe';
  return refined ? mostlyAccepted(schema, arbitrary) : arbitrary;
}

function partsArbitrary(schema: z.ZodType, def: Def, pools: FieldPools, key: string | null): fc.Arbitrary<unknown> {
  const own = key !== null ? pools[key] : undefined;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const parts = Object.fromEntries(
        Object.entries(shape).map(([name, value]) => [name, name === 'version' ? versionArbitrary(value, pools) : schemaArbitrary(value, pools, name)]),
      );
      return fc.record(parts).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
    }
    case 'string':
      // A field with its own pool draws from it most of the time: those values reach the services.
      return own
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: stringArbitrary(schema, []) })
        : stringArbitrary(schema, []);
    case 'number':
      return numberArbitrary(schema, key);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((item) => schemaArbitrary(item, pools, key)));
    case 'array':
      return fc.array(schemaArbitrary(def.element as z.ZodType, pools, key), { maxLength: 4 });
    case 'record':
      return fc
        .array(fc.tuple(schemaArbitrary(def.keyType as z.ZodType, pools, null), schemaArbitrary(def.valueType as z.ZodType, pools, null)), { maxLength: 4 })
        .map((entries) => Object.fromEntries(entries.filter(([k, v]) => typeof k === 'string' && v !== undefined)));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(schemaArbitrary(def.innerType as z.ZodType, pools, key), { nil: undefined });
    case 'nullable':
      return fc.option(schemaArbitrary(def.innerType as z.ZodType, pools, key), { nil: null });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return schemaArbitrary(def.innerType as z.ZodType, pools, key);
    case 'pipe':
      return schemaArbitrary(def.in as z.ZodType, pools, key);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => schemaArbitrary(option, pools, key)));
    default:
      // A kind of schema this generator does not know yet: the payload is refused and counted as not reached.
      return fc.constant(undefined);
  }
}
