import { z } from 'zod';
import { isIsoDate } from '../dates';

/**
 * Dates of things that have happened (a referral, a closure, a meeting) cannot lie after today. «Today»
 * belongs to the caller's clock, which a zod schema cannot see, so the schema only marks such a field;
 * the services check it, and the dispatcher checks it too when the rest of the input is refused, so a
 * form learns about a future date together with its other mistakes instead of one refusal later.
 */
export const FUTURE_DATE_MESSAGE = 'Datoen kan ikke være fram i tid';

const marked = new WeakSet<z.ZodType>();

/** A date (ISO) of something that has happened: the same check as any date, marked for `futureDateErrors`. */
export function pastDateSchema() {
  const schema = z.string().max(10).refine(isIsoDate);
  marked.add(schema);
  return schema;
}

export function isAfterToday(date: string, today: string): boolean {
  return date > today;
}

interface SchemaInternals {
  _zod: { def: { innerType?: z.ZodType; shape?: Record<string, z.ZodType> } };
}

/** Through `.optional()`, `.nullable()` and `.default()` to the schema they wrap. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = (current as unknown as SchemaInternals)._zod.def.innerType; inner; inner = (current as unknown as SchemaInternals)._zod.def.innerType) {
    current = inner;
  }
  return current;
}

/**
 * The input's marked top-level dates that lie after `today`, as field errors. Only a value that is a real
 * ISO date counts: anything else is the schema's own error to report.
 */
export function futureDateErrors(schema: z.ZodType, input: unknown, today: string): Record<string, string> {
  const shape = (unwrap(schema) as unknown as SchemaInternals)._zod.def.shape;
  if (!shape || typeof input !== 'object' || input === null) return {};
  const errors: Record<string, string> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    if (!marked.has(unwrap(fieldSchema))) continue;
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === 'string' && isIsoDate(value) && isAfterToday(value, today)) errors[key] = FUTURE_DATE_MESSAGE;
  }
  return errors;
}
