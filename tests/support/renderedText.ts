/**
 * What a Norwegian screen must not show: English words that leak from a library or a default, names from
 * the code (camelCase, snake_case, kebab-case, channel names), validation phrasing straight from zod, and
 * numbers or dates in the machine's format where the team reads dd.mm.yyyy and a decimal comma.
 *
 * Pure and browser-free so that a unit test can prove each rule fires on a known-bad sample; the browser
 * walk (tests/e2e/renderedTexts.test.ts) feeds it what each screen renders.
 */

/** One piece of what a screen shows: its visible text, or an attribute a screen reader or tooltip reads. */
export interface RenderedPiece {
  /** Where it was read: `text` (innerText), `title`, `aria-label`, `placeholder`, `alt` or `document.title`. */
  source: string;
  text: string;
}

export interface TextFinding {
  rule: string;
  /** The offending word or figure. */
  word: string;
  source: string;
  /** A few words around it, so the finding can be located on the screenshot. */
  context: string;
}

/**
 * Words a library, a default value or a forgotten label would leak. Whole words, case-insensitive unless
 * marked; none of them is a Norwegian word («Team» and «Status» are, and are not here).
 */
const ENGLISH_WORDS = [
  'Save',
  'Cancel',
  'Delete',
  'Remove',
  'Edit',
  'Add',
  'Close',
  'Submit',
  'Search',
  'Select',
  'Choose',
  'Back',
  'Next',
  'Previous',
  'Error',
  'Warning',
  'Loading',
  'Required',
  'Invalid',
  'Expected',
  'Received',
  'Unknown',
  'Failed',
  'Cannot',
  'Untitled',
  'Dismiss',
  'Settings',
  'Yes',
  'None',
  'Name',
  'Date',
  'Page',
  'the',
  'of',
  'and',
  'undefined',
  'NaN',
  'Infinity',
  'TypeError',
];
/** Code values: only in their code spelling, since «Null» or «True» could be something else. */
const CODE_VALUES = ['null', 'true', 'false'];

const letter = String.raw`[\p{L}\p{N}_]`;
const wholeWord = (words: readonly string[], flags: string) => new RegExp(`(?<!${letter})(?:${words.join('|')})(?!${letter})`, flags);

interface Rule {
  name: string;
  pattern: RegExp;
}

const RULES: Rule[] = [
  { name: 'engelsk ord', pattern: wholeWord(ENGLISH_WORDS, 'giu') },
  { name: 'kodeverdi', pattern: wholeWord(CODE_VALUES, 'gu') },
  { name: 'kodeverdi', pattern: /\[object [A-Za-z]+\]/gu },
  // A lower-case start and a capital inside: riskAssessedBy, hourlyRate.
  { name: 'internt navn (camelCase)', pattern: new RegExp(`(?<!${letter})[a-z]+[A-Z][A-Za-z]*(?!${letter})`, 'gu') },
  { name: 'internt navn (snake_case)', pattern: new RegExp(`(?<!${letter})[A-Za-z]+(?:_[A-Za-z0-9]+)+(?!${letter})`, 'gu') },
  // ASCII words of two letters or more joined by hyphens, all lower case: closure-report, time-entries.
  // Norwegian joins of this shape are rare («e-post» has a one-letter part) and go in the allow-list.
  { name: 'internt navn (kebab-case)', pattern: new RegExp(`(?<![\\p{L}\\p{N}_-])[a-z]{2,}(?:-[a-z]{2,})+(?![\\p{L}\\p{N}_-])`, 'gu') },
  // A channel of the contract: cases:update, time-entries:list.
  { name: 'kanalnavn', pattern: /(?<![\p{L}\p{N}])[a-z][a-z-]*:[a-z][a-z-]*(?![\p{L}\p{N}])/gu },
  { name: 'zod-formulering', pattern: /ugyldig verdi|minst 0|invalid input|too_small|too_big|invalid_type|must be|must contain/giu },
  { name: 'ISO-dato', pattern: /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/gu },
  { name: 'tidsstempel', pattern: /\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/gu },
];

/**
 * A decimal point in a number: digits, a point, digits, when the whole is not a Norwegian date
 * (dd.mm.yyyy, dd.mm.yy, or a day and month with its closing point, «3.12.») or a time of day written
 * the Norwegian way after «kl.» or a date (kl. 10.30). «1.5» alone is a decimal point: an example the screen gives on purpose
 * goes in the allow-list.
 */
const NUMBER_WITH_POINTS = /(?<![\p{L}\p{N}.,])\d+(?:\.\d+)+(?![\p{L}\p{N}]|\.\d)/gu;
const NORWEGIAN_DATE = /^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/u;
const TIME_OF_DAY = /^(?:[01]?\d|2[0-3])\.[0-5]\d$/u;

/**
 * Text that may look like code yet is right to show: file names and folder paths (a backup's file, the
 * database's location), web addresses, template placeholders, and the words of `allowed`. These are cut
 * out before the rules run.
 */
const FILE_OR_PATH =
  /(?:[A-Za-z]:\\|\\\\|(?<![\p{L}\p{N}])\/)[^\s«»"()]*|[^\s/\\«»"()]+\.(?:xlsx|xls|csv|docx|pdf|sqlite|db|jsonl|json|png|zip)(?![\p{L}\p{N}])/giu;
const URL = /\b(?:https?|app|file):\/\/\S+/giu;
/**
 * A Word template's placeholder, {antall_uker} or {#timer} … {/timer}: Innstillinger lists them because the
 * team types them into their own templates, so they are shown exactly as written there.
 */
const TEMPLATE_PLACEHOLDER = /\{[#/]?[\p{L}\p{N}_]+\}/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function contextAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 30);
  const end = Math.min(text.length, index + length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/**
 * Every finding in the pieces a screen shows. `allowed` lists exact phrases that are right on this screen
 * (a product name such as «Excel», an example the screen gives on purpose); they are blanked before matching.
 */
export function findTextLeaks(pieces: readonly RenderedPiece[], allowed: readonly string[] = []): TextFinding[] {
  const findings: TextFinding[] = [];
  const allowPattern = allowed.length > 0 ? new RegExp(allowed.map(escapeRegExp).join('|'), 'gu') : null;
  for (const { source, text } of pieces) {
    // Blank rather than delete, so the context shown around a finding keeps its place in the original.
    const blank = (match: string) => ' '.repeat(match.length);
    let cleaned = text.replace(URL, blank).replace(TEMPLATE_PLACEHOLDER, blank).replace(FILE_OR_PATH, blank);
    if (allowPattern) cleaned = cleaned.replace(allowPattern, blank);
    for (const rule of RULES) {
      for (const match of cleaned.matchAll(rule.pattern)) {
        findings.push({ rule: rule.name, word: match[0], source, context: contextAround(text, match.index, match[0].length) });
      }
    }
    for (const match of cleaned.matchAll(NUMBER_WITH_POINTS)) {
      const dayAndMonth = cleaned[match.index + match[0].length] === '.' && /^\d{1,2}\.\d{1,2}$/u.test(match[0]);
      // A time of day only after «kl.» or a date: «1.25» alone is a decimal number.
      const timeOfDay = TIME_OF_DAY.test(match[0]) && /(?:kl\.|\d{4},?)\s*$/u.test(cleaned.slice(0, match.index));
      if (NORWEGIAN_DATE.test(match[0]) || timeOfDay || dayAndMonth) continue;
      findings.push({ rule: 'desimalpunktum', word: match[0], source, context: contextAround(text, match.index, match[0].length) });
    }
  }
  return findings;
}

/** One line per finding, naming the screen: what a failing walk prints. */
export function describeFindings(screen: string, findings: readonly TextFinding[]): string {
  return findings.map((f) => `«${screen}»: ${f.rule} «${f.word}» i ${f.source}: ${f.context}`).join('\n');
}
