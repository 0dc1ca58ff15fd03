import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * One word per thing on the screen. The team had three names for a line of the time sheet, and
 * «saksnummer» reads as the archive's case number, which the pseudonymous case code is not. This scans
 * every string the user can see (string and template literals and JSX text in the renderer, the shared
 * label registries and messages, the services' messages, the command line's help and messages) for the
 * words that are out.
 *
 * «Tidsbruk» is the duration of one registrering (the old sheet's column); «Timer» is a sum of them
 * (a page, a total, a column of sums). Identifiers and comments are not read.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['renderer/src', 'shared', 'electron/services', 'electron/cli'];

const BANNED: { pattern: RegExp; use: string }[] = [
  { pattern: /timeføring/i, use: 'registrering' },
  { pattern: /timeregistrering/i, use: 'registrering' },
  { pattern: /saksnummer/i, use: 'sakskode (den pseudonyme koden, ikke arkivets saksnummer)' },
  // The word alone, in its Norwegian forms; keys such as «partners» or «partner_type» are names in code.
  { pattern: /(?<![\p{L}_])partner(e|en|ne)?(?![\p{L}_])/iu, use: 'samarbeidspartner' },
  { pattern: /timer \(timer\)/i, use: 'timer (én gang)' },
];

/**
 * Strings that are not words on the screen: the Word templates' placeholders, typed by the team into their
 * own templates as {saksnummer} and {partner} (renaming them would break every template in use), and the
 * word ending the soft-hyphen helper breaks «Samarbeidspartnere» before.
 */
const ALLOWED = new Set([
  'shared/domain/templatePlaceholders.ts:saksnummer',
  'shared/domain/templatePlaceholders.ts:partner',
  'electron/services/documents/closureReportData.ts:partner',
  'renderer/src/features/statistics/softHyphens.ts:partnere',
  // English notes for developers on what each free-text column holds; never shown.
  'electron/services/retention/textColumns.ts:the partner directory (services and their staff): about no one the team follows up',
]);

function sourceFiles(folder: string): string[] {
  const dir = join(ROOT, folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Text {
  line: number;
  text: string;
}

/** The literal text of a file: strings, template parts and JSX text; not module specifiers, identifiers or comments. */
function visibleTexts(source: string, fileName: string): Text[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const texts: Text[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      if (ts.isCallExpression(node.parent) && node.parent.expression.kind === ts.SyntaxKind.ImportKeyword) return;
      texts.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

function findHits(): string[] {
  const hits: string[] = [];
  for (const path of FOLDERS.flatMap(sourceFiles)) {
    const name = relative(ROOT, path).split('\\').join('/');
    for (const { line, text } of visibleTexts(readFileSync(path, 'utf8'), name)) {
      if (ALLOWED.has(`${name}:${text}`)) continue;
      for (const { pattern, use } of BANNED) {
        const match = pattern.exec(text);
        if (match) hits.push(`${name}:${line}: «${match[0]}» – bruk «${use}»`);
      }
    }
  }
  return hits;
}

describe('one word per thing', () => {
  it('reads strings, template parts and JSX text, but not imports, identifiers or comments', () => {
    const source = [
      "import { saksnummer } from './timeføring';",
      '// saksnummer in a comment',
      'const timeføring = 1;',
      "const a = 'Saksnummer';",
      'const b = `Neste ${a} timeføring`;',
      'const c = <p title="Timeregistrering">Samarbeidspartnere og partnere</p>;',
    ].join('\n');
    const texts = visibleTexts(source, 'x.tsx').map((t) => `${t.line}:${t.text}`);
    expect(texts).toEqual(['4:Saksnummer', '5:Neste ', '5: timeføring', '6:Timeregistrering', '6:Samarbeidspartnere og partnere']);
  });

  it('bans the words that are out, and lets the ones in pass', () => {
    const banned = (text: string) => BANNED.some(({ pattern }) => pattern.test(text));
    for (const text of ['timeføringer', 'Timeregistrering', 'saksnummeret', 'Saksnummer', '3 partnere', 'Partner', 'Timer (timer)']) {
      expect(banned(text), text).toBe(true);
    }
    for (const text of ['registreringer', 'Sakskode', 'Samarbeidspartnere', 'samarbeidspartneren', 'Timer', 'Tidsbruk']) {
      expect(banned(text), text).toBe(false);
    }
  });

  it('finds none of them in what the user sees', () => {
    expect(findHits()).toEqual([]);
  });
});
