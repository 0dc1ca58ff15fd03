/**
 * Counting in Norwegian: «1 sak», «2 saker», «1 time», «1,5 timer». Every noun the app prints beside a
 * number is registered here once, with its singular and plural, so no screen writes its own
 * `n === 1 ? … : …` and none prints «1 saker».
 */
export const COUNT_NOUNS = {
  sak: ['sak', 'saker'],
  time: ['time', 'timer'],
  persontime: ['persontime', 'persontimer'],
  registrering: ['registrering', 'registreringer'],
  kontakt: ['kontakt', 'kontakter'],
  person: ['person', 'personer'],
  hendelse: ['hendelse', 'hendelser'],
  rad: ['rad', 'rader'],
  tabell: ['tabell', 'tabeller'],
  skjema: ['skjema', 'skjemaer'],
  uke: ['uke', 'uker'],
  minutt: ['minutt', 'minutter'],
  sekund: ['sekund', 'sekunder'],
  teammedlem: ['teammedlem', 'teammedlemmer'],
  innbygger: ['innbygger', 'innbyggere'],
  svar: ['svar', 'svar'],
} as const satisfies Record<string, readonly [one: string, many: string]>;

export type CountNoun = keyof typeof COUNT_NOUNS;

// Built on first use, not at import: see isoDateInOslo (dates.ts).
let integerFormat: Intl.NumberFormat | undefined;

/** «1 234» — whole numbers with a normal space between thousands, so copied figures paste cleanly. */
export function formatInteger(value: number): string {
  integerFormat ??= new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
  return integerFormat.format(value).replace(/\u00a0/g, ' ');
}

/**
 * The noun in the form the printed number asks for. Decided on the number as printed, not as stored:
 * 1,04 hours printed as «1» is «1 time», and 0,5 is «0,5 timer» (singular only for exactly one).
 */
export function nounFor(printed: string, noun: CountNoun): string {
  const [one, many] = COUNT_NOUNS[noun];
  return /^[-\u2212]?1$/.test(printed.trim()) ? one : many;
}

/** «1,5 timer»: an already formatted number followed by its noun. */
export function withNoun(printed: string, noun: CountNoun): string {
  return `${printed} ${nounFor(printed, noun)}`;
}

/** «1 sak», «1 234 saker»: a whole number and its noun. */
export function formatCount(value: number, noun: CountNoun): string {
  return withNoun(formatInteger(value), noun);
}
