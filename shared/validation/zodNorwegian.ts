import { z } from 'zod';
import { fieldLabel } from './fieldLabels';

/**
 * Norwegian messages for zod's built-in checks, naming the field. Installed once, globally, by the
 * contract module, so the forms and the IPC boundary speak with one voice. Messages never echo the
 * value that was sent (it could be personal data).
 */
const customError: z.core.$ZodErrorMap = (issue) => {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${label} mangler`;
      return `${label} har feil type (forventet ${typeName(issue.expected)})`;
    case 'unrecognized_keys':
      return `Ukjent felt: ${issue.keys.map((k) => `«${safeKey(k)}»`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${label} må fylles ut` : `${label} må ha minst ${issue.minimum} tegn`;
      if (issue.origin === 'array') return `${label} må ha minst ${issue.minimum} valg`;
      return `${label} må være minst ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `${label} kan ha høyst ${issue.maximum} tegn`;
      if (issue.origin === 'array') return `${label} kan ha høyst ${issue.maximum} valg`;
      return `${label} kan være høyst ${issue.maximum}`;
    case 'invalid_format':
      return `${label} har ugyldig format`;
    case 'invalid_value':
      return `${label} har en ugyldig verdi`;
    case 'not_multiple_of':
      return `${label} har en ugyldig verdi`;
    case 'invalid_union':
      return `${label} har ugyldig verdi`;
    default:
      return `${label} er ugyldig`;
  }
};

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'tall',
    int: 'heltall',
    boolean: 'ja/nei',
    array: 'liste',
    object: 'objekt',
    null: 'tom verdi',
  };
  return names[expected] ?? expected;
}

// Keys come from the payload; keep them short and printable so an error cannot carry a blob of data.
function safeKey(key: string): string {
  const cleaned = key.replace(/[^\p{L}\p{N}_-]/gu, '?');
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned;
}

z.config({ customError });

export { z };
