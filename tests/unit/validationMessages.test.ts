import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '@shared/contract';

/**
 * Walks every channel's input schema, sends each field every kind of wrong value it can meet (missing,
 * null, wrong type, empty, too small, too big, too long, not a whole number, unknown choice, impossible
 * date…) with the other fields valid, and reads every message zod gives back. A message the user reads
 * must name the field in the screen's words: no internal (camelCase/snake_case) name, no «ugyldig verdi»,
 * no «minst 0», and a choice (a list or a dropdown) that is empty or wrong asks the user to choose.
 */

type Schema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => Schema;
  checks?: { _zod: { def: { check: string; value?: unknown; maximum?: number; minimum?: number } } }[];
}

const def = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema that checks what the caller sends: wrappers and transforms peeled off. */
function core(schema: Schema): Schema {
  const d = def(schema);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) return core(d.innerType!);
  if (d.type === 'pipe') return core(d.in!);
  if (d.type === 'lazy') return core(d.getter!());
  return schema;
}

const LONG = 'a'.repeat(200_001);
const SCALARS: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  'abc',
  LONG,
  -1,
  0,
  1,
  1.5,
  2025,
  1e12,
  true,
  false,
  {},
  [],
  '2025-03-04',
  '2025-13-45',
  '31.12.2025',
];

/** Values worth trying for a leaf: the wrong kinds above, plus the leaf's own choices. */
function leafCandidates(schema: Schema): unknown[] {
  const d = def(core(schema));
  const own = d.type === 'enum' ? Object.values(d.entries!) : d.type === 'literal' ? d.values! : [];
  return [...own, ...SCALARS];
}

/** A value the schema accepts, or undefined when none of the tried ones is (then the field stays missing). */
function validSample(schema: Schema): unknown {
  const c = core(schema);
  const d = def(c);
  if (d.type === 'object') {
    const value: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(d.shape!)) {
      const sample = validSample(field);
      if (sample !== undefined) value[key] = sample;
    }
    return value;
  }
  if (d.type === 'array') {
    const item = validSample(d.element!);
    return schema.safeParse([item]).success ? [item] : [];
  }
  if (d.type === 'union') {
    for (const option of d.options!) {
      const sample = validSample(option);
      if (schema.safeParse(sample).success) return sample;
    }
  }
  return leafCandidates(schema).find((value) => value !== undefined && schema.safeParse(value).success);
}

interface Probe {
  value: unknown;
  /** The field the wrong value was put in, and its schema. */
  path: string[];
  leaf: Schema;
}

/** Every wrong value for every field inside the schema, the rest of the value kept valid. */
function probes(schema: Schema, path: string[] = [], depth = 0): Probe[] {
  const c = core(schema);
  const d = def(c);
  const own: Probe[] = leafCandidates(schema).map((value) => ({ value, path, leaf: schema }));
  if (depth > 4) return own;
  if (d.type === 'object') {
    const base = validSample(c) as Record<string, unknown>;
    const nested = Object.entries(d.shape!).flatMap(([key, field]) =>
      probes(field, [...path, key], depth + 1).map((probe) => ({ ...probe, value: withField(base, key, probe.value) })),
    );
    return [...own, ...nested];
  }
  if (d.type === 'array') {
    const item = validSample(d.element!);
    const tooMany = Array.from({ length: 1000 }, () => item);
    return [
      ...own,
      { value: [], path, leaf: schema },
      { value: tooMany, path, leaf: schema },
      ...probes(d.element!, [...path, '0'], depth + 1).map((probe) => ({ ...probe, value: [probe.value] })),
    ];
  }
  if (d.type === 'union') return [...own, ...d.options!.flatMap((option) => probes(option, path, depth + 1))];
  return own;
}

function withField(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

/** A field the user picks from a list: a choice (enum) or a record chosen by its id. */
function isChoice(path: readonly string[], leaf: Schema): boolean {
  const name = [...path].reverse().find((segment) => !/^\d+$/.test(segment)) ?? '';
  const type = def(core(leaf)).type;
  // Records are picked by their numeric id; a string id (an import job) is not something the user picks.
  return type === 'enum' || (['number', 'array'].includes(type) && /[a-z](Id|Ids)$/.test(name));
}

const INTERNAL_NAME = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b/;

interface Finding {
  channel: string;
  field: string;
  message: string;
  problem: string;
}

function findings(): { checked: number; found: Finding[] } {
  const found: Finding[] = [];
  let checked = 0;
  for (const [channel, definition] of Object.entries(contract)) {
    const input = definition.input as Schema;
    for (const probe of probes(input)) {
      const result = input.safeParse(probe.value);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') continue;
        checked++;
        const field = issue.path.map(String).join('.') || '(hele skjemaet)';
        const report = (problem: string) => found.push({ channel, field, message: issue.message, problem });
        if (INTERNAL_NAME.test(issue.message)) report('internal name');
        if (/ugyldig verdi/i.test(issue.message)) report('«ugyldig verdi»');
        if (/\bfeltet\b/i.test(issue.message)) report('no label for the field');
        if (/minst 0\b/.test(issue.message)) report('«minst 0»');
        if (/[A-Za-z]+:\s|expected|invalid|Too (small|big)/.test(issue.message)) report('English or code-like');
        const issuePath = issue.path.map(String);
        const atProbedField = issuePath.join('.') === probe.path.join('.');
        if (atProbedField && isChoice(probe.path, probe.leaf) && !issue.message.startsWith('Velg ')) report('a choice must say «Velg …»');
      }
    }
  }
  return { checked, found };
}

describe('validation messages of every channel', () => {
  const { checked, found } = findings();

  it('provokes many issues, so the walk really reaches the fields', () => {
    expect(checked).toBeGreaterThan(5000);
  });

  it('name the field in plain Norwegian: no internal name, «ugyldig verdi», «minst 0» or English', () => {
    const unique = [...new Map(found.map((f) => [`${f.problem}|${f.message}`, f])).values()];
    expect(unique.map((f) => `${f.channel} ${f.field}: ${f.message} (${f.problem})`)).toEqual([]);
  });

  it('an empty required dropdown says «Velg …» in the screen’s own words', () => {
    const assessedBy = contract['cases:record-risk-assessment'].input.safeParse({ id: 1, version: 1, date: '2025-03-04', assessedById: 0, done: true });
    const institution = contract['cases:enter-institution'].input.safeParse({ id: 1, version: 1, date: '2025-03-04', institutionKind: '' });
    const reason = contract['cases:close'].input.safeParse({ id: 1, version: 1, closedDate: '2025-03-04' });
    expect(assessedBy.error?.issues.map((i) => i.message)).toEqual(['Velg hvem som vurderte risikoen']);
    expect(institution.error?.issues.map((i) => i.message)).toEqual(['Velg type institusjon']);
    expect(reason.error?.issues.map((i) => i.message)).toEqual(['Velg årsak til avslutning']);
  });
});
