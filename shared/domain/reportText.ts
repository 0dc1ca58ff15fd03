/**
 * The small Markdown subset the team's chapter texts accept: `## subheading`, `- bullets`, `1. numbered`,
 * `**bold**` and `*italic*`. Nothing else is markup: a chapter text is written in a plain text box by
 * people who do not know Markdown, so a stray `#`, `_` or `<` must print as typed. A full Markdown parser
 * would turn those into headings, emphasis or HTML; this one knows only what the help text promises.
 * Bullets pasted from Word or a web page («• », «– », «· ») are list items too.
 */

export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type TextBlock =
  | { kind: 'heading'; runs: TextRun[] }
  | { kind: 'paragraph'; lines: TextRun[][] }
  | { kind: 'bullets'; items: TextRun[][] }
  | { kind: 'numbered'; items: TextRun[][] };

/** Shown under the text box, so the team knows what the report turns into headings and lists. */
export const REPORT_TEXT_HELP = 'Skriv «## » foran en undertittel, «- » foran et kulepunkt, «1. » foran et nummerert punkt, og **fet** eller *kursiv* tekst.';

const HEADING = /^#{2,3}\s+(.+)$/u;
// «-», «*», «•», «–», «—», «·», «▪» followed by a space: what people type or paste as a bullet.
const BULLET = /^[-*•–—·▪]\s+(.+)$/u;
const NUMBERED = /^\d{1,3}[.)]\s+(.+)$/u;

/** `**bold**` and `*italic*` (also nested: `**fet og *kursiv***`); an unmatched star prints as a star. */
export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const push = (value: string, bold: boolean, italic: boolean) => {
    if (value === '') return;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += value;
    else runs.push({ text: value, bold, italic });
  };
  const walk = (s: string, bold: boolean, italic: boolean) => {
    let i = 0;
    let plain = '';
    while (i < s.length) {
      if (s.startsWith('**', i)) {
        let end = s.indexOf('**', i + 2);
        // «***» closes an italic inside the bold first: the bold's closing pair is the last two stars.
        while (end > 0 && s[end + 2] === '*') end++;
        if (end > i + 2) {
          push(plain, bold, italic);
          plain = '';
          walk(s.slice(i + 2, end), true, italic);
          i = end + 2;
          continue;
        }
      } else if (s[i] === '*' && s[i + 1] !== ' ') {
        const end = findClosingStar(s, i + 1);
        if (end > i + 1) {
          push(plain, bold, italic);
          plain = '';
          walk(s.slice(i + 1, end), bold, true);
          i = end + 1;
          continue;
        }
      }
      plain += s[i];
      i++;
    }
    push(plain, bold, italic);
  };
  walk(text, false, false);
  return runs;
}

/** The single star closing an italic span: not part of a `**` pair, and not after a space. */
function findClosingStar(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s.startsWith('**', j)) {
      const end = s.indexOf('**', j + 2);
      if (end < 0) return -1;
      j = end + 1;
      continue;
    }
    if (s[j] === '*' && s[j - 1] !== ' ') return j;
  }
  return -1;
}

/**
 * Blocks in order. A blank line ends a paragraph or a list; a line that starts a new kind of block ends
 * the one before, so a list may follow a paragraph line directly. Single line breaks inside a
 * paragraph stay line breaks.
 */
export function parseReportText(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  // Source lines of the block being read; inline marks are parsed when it closes.
  let kind: TextBlock['kind'] | null = null;
  let lines: string[] = [];
  const close = () => {
    if (kind === 'paragraph') blocks.push({ kind, lines: lines.map(parseInline) });
    else if (kind === 'bullets' || kind === 'numbered') blocks.push({ kind, items: lines.map(parseInline) });
    kind = null;
    lines = [];
  };
  for (const raw of text.replace(/\r\n?/gu, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    const itemKind = item ? (BULLET.test(line) ? 'bullets' : 'numbered') : null;
    if (line === '') {
      close();
    } else if (heading) {
      close();
      blocks.push({ kind: 'heading', runs: parseInline(heading[1]!.replace(/\s*#+$/u, '')) });
    } else if (item && itemKind) {
      if (kind !== itemKind) close();
      kind = itemKind;
      lines.push(item[1]!);
    } else if (kind === 'paragraph') {
      lines.push(line);
    } else if (kind !== null && /^\s/u.test(raw)) {
      // An indented line under a list item continues that item; an unindented one starts a paragraph.
      lines[lines.length - 1] += ` ${line}`;
    } else {
      close();
      kind = 'paragraph';
      lines = [line];
    }
  }
  close();
  return blocks;
}

/** True when the text holds nothing to print (only blank lines and spaces). */
export function isBlankReportText(text: string | null | undefined): boolean {
  return !text || text.trim() === '';
}
