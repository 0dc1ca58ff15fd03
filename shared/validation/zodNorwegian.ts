import { z } from 'zod';
import { fieldEntry, type FieldEntry, type FieldKind } from './fieldLabels';

/**
 * Norwegian messages for zod's built-in checks, naming the field in the screen's words (fieldLabels.ts).
 * Installed once, globally, by the contract module, so the forms and the IPC boundary speak with one
 * voice. A choice asks the user to choose («Velg type institusjon»), text and dates to write («Skriv inn
 * startdato»), whatever went wrong underneath: an empty dropdown sends 0 or '', which is not a number
 * «minst 1» or an «ugyldig verdi» to the user. Messages never echo the value that was sent (it could be
 * personal data), and never a field's internal name.
 */
type Issue = z.core.$ZodRawIssue;

// Built on first use, not at import: see isoDateInOslo (dates.ts).
let numberFormat: Intl.NumberFormat | undefined;
/** «1 000 000», but «2100» for a year: Norwegian leaves four-digit numbers ungrouped. */
function formatNumber(value: number | bigint): string {
  if (Math.abs(Number(value)) < 10_000) return String(value);
  numberFormat ??= new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
  return numberFormat.format(value).replace(/\u00a0/g, ' ');
}

/** «Type institusjon» → «type institusjon», but «E-post» stays readable and «NAV» stays upper case. */
function lower(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function schemaType(issue: Issue): string | undefined {
  const inst = issue.inst as { _zod?: { def?: { type?: string } } } | undefined;
  return inst?._zod?.def?.type;
}

/** A missing value, or the empty value a cleared input sends. */
function isEmpty(issue: Issue): boolean {
  const input = issue.input;
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

const WHOLE_FORM: FieldEntry = { label: 'Skjemaet', kind: 'group' };

function kindOf(issue: Issue, entry: FieldEntry | undefined): FieldKind {
  const inElement = typeof issue.path?.[issue.path.length - 1] === 'number';
  if (entry?.kind === 'choices' && inElement) return 'choice';
  if (entry) return entry.kind;
  const type = schemaType(issue);
  if (type === 'enum' || type === 'literal') return 'choice';
  if (issue.code === 'too_small' || issue.code === 'too_big') return issue.origin === 'string' ? 'text' : 'number';
  return 'text';
}

const customError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') return `Ukjent felt: ${issue.keys.map((k) => `«${safeKey(k)}»`).join(', ')}`;
  // The whole input (no path) is a form the caller filled in wrongly, not one field.
  const entry = issue.path?.length ? fieldEntry(issue.path) : WHOLE_FORM;
  const label = entry?.label ?? 'Feltet';
  const ask = entry?.ask ?? lower(label);
  switch (kindOf(issue, entry)) {
    case 'choice':
      return `Velg ${ask}`;
    case 'choices':
      return choicesMessage(issue, label, ask);
    case 'record':
      return `Finner ikke ${lower(label)}. Last siden på nytt og prøv igjen.`;
    case 'yesNo':
      return `Velg ja eller nei for «${label}»`;
    case 'group':
      return isEmpty(issue) ? `${label} mangler` : `${label} er ikke riktig fylt ut`;
    case 'date':
      return isEmpty(issue) ? `Skriv inn ${lower(label)}` : `${label} må være en gyldig dato (dd.mm.åååå)`;
    case 'number':
      return numberMessage(issue, label);
    case 'text':
      return textMessage(issue, label);
  }
};

function choicesMessage(issue: Issue, label: string, ask: string): string {
  if (issue.code === 'too_big') return `Velg høyst ${formatNumber(issue.maximum)} i «${label}»`;
  if (issue.code === 'too_small') return `Velg minst ${formatNumber(issue.minimum)} i «${label}»`;
  return `Velg ${ask}`;
}

function numberMessage(issue: Issue, label: string): string {
  if (isEmpty(issue) && issue.code !== 'too_small') return `Skriv inn ${lower(label)}`;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? `${label} må være et helt tall` : `${label} må være et tall`;
    case 'too_small':
      // A list of values (the band rates): the user left some of them out.
      if (issue.origin === 'array') return `Fyll inn alle ${formatNumber(issue.minimum)} feltene i «${label}»`;
      if (Number(issue.minimum) === 0) return issue.inclusive ? `${label} kan ikke være under 0` : `${label} må være større enn 0`;
      return `${label} må være minst ${formatNumber(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `«${label}» har for mange verdier`;
      if (issue.origin === 'int') return `${label} er et for stort tall`;
      return `${label} kan være høyst ${formatNumber(issue.maximum)}`;
    case 'not_multiple_of':
      return `${label} har for mange desimaler`;
    default:
      return `${label} må være et tall`;
  }
}

function textMessage(issue: Issue, label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return isEmpty(issue) ? `Skriv inn ${lower(label)}` : `${label} må være tekst`;
    case 'too_small':
      return Number(issue.minimum) <= 1 ? `Skriv inn ${lower(label)}` : `${label} må ha minst ${formatNumber(issue.minimum)} tegn`;
    case 'too_big':
      return `${label} kan ha høyst ${formatNumber(issue.maximum)} tegn`;
    case 'invalid_format':
      return `${label} har feil form`;
    default:
      return isEmpty(issue) ? `Skriv inn ${lower(label)}` : `${label} er ikke riktig fylt ut`;
  }
}

// Keys come from the payload; keep them short and printable so an error cannot carry a blob of data.
function safeKey(key: string): string {
  const cleaned = key.replace(/[^\p{L}\p{N}_-]/gu, '?');
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned;
}

z.config({ customError });

export { z };
