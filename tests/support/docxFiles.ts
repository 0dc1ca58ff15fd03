import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { allowedPlaceholderNames } from '@shared/domain/templatePlaceholders';
import { TEMPLATE_KINDS } from '@shared/domain/documents';

const run = promisify(execFile);

/** Every part under word/ that is XML (document, headers, footers, styles …), by name. */
export async function wordXmlParts(docx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)
    .filter((n) => /^word\/.*\.xml$/.test(n))
    .sort()) {
    parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

/** Throws with the part's name when its XML is not well formed (a strict parser, as Word is). */
export function assertWellFormed(name: string, xml: string): void {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.write(xml).close();
  if (failure) throw new Error(`${name} er ikke gyldig XML: ${(failure as Error).message}`);
}

/** The visible text of a part: the contents of its <w:t> elements, joined. */
export function visibleText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const CATALOGUE_NAMES = [...new Set(TEMPLATE_KINDS.flatMap((k) => [...allowedPlaceholderNames(k)]))];

/** Catalogue placeholders still in the text: `{navn}`, `{#navn}` or `{/navn}`. */
export function remainingPlaceholders(text: string): string[] {
  return CATALOGUE_NAMES.filter((n) => text.includes(`{${n}}`) || text.includes(`{#${n}}`) || text.includes(`{/${n}}`));
}

/**
 * Converts with LibreOffice in a profile of its own (parallel runs would otherwise share one and fail),
 * and returns the PDF's path and its text.
 */
export async function convertToPdf(docx: Buffer, fileName: string): Promise<{ dir: string; pdf: string; text: string; pages: number; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ettervern-pdf-'));
  const input = join(dir, fileName);
  writeFileSync(input, docx);
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 90_000 });
  const pdf = join(dir, basename(fileName).replace(/\.docx$/, '.pdf'));
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const pages = (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  return { dir, pdf, text: stdout, pages, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
