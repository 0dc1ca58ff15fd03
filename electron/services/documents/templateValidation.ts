import { allowedPlaceholderNames, requiredPlaceholderNames } from '@shared/domain/templatePlaceholders';
import { MAX_TEMPLATE_BYTES, TEMPLATE_KIND_LABEL, type TemplateKind } from '@shared/domain/documents';
import { ServiceError } from '../errors/serviceError';
import { templateTags } from './templateFill';
import { FileRefusedError, type FileRefusal } from '../timesheet/fileErrors';
import { inspectZip } from '../timesheet/zipGuard';

/** An edited letter unpacks to well under a megabyte of XML; this leaves room for pictures and logos. */
const TEMPLATE_ZIP_LIMITS = { maxDecompressedBytes: 60 * 1024 * 1024, maxEntries: 500 };

const ZIP_REFUSAL: Partial<Record<FileRefusal, string>> = {
  not_xlsx: 'Filen er en zip-fil, men ikke et Word-dokument (.docx).',
  too_many_entries: 'Filen har for mange deler til å være et vanlig Word-dokument, og blir ikke lest.',
  too_large_unpacked: 'Filen pakker seg ut til mer enn 60 MB (mulig «zip-bombe»), og blir ikke lest.',
};

/** Unpacks once with counted bytes before any XML parser sees the file. */
async function inspectTemplateZip(content: Buffer): Promise<void> {
  try {
    await inspectZip(content, TEMPLATE_ZIP_LIMITS, 'word/document.xml');
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    throw refuse(ZIP_REFUSAL[error.refusal] ?? 'Malen kan ikke leses: filen er skadet. Åpne den i Word, lagre på nytt som .docx og prøv igjen.');
  }
}

/** A .docx is a zip archive: it starts with a local file header. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function refuse(message: string): ServiceError {
  return new ServiceError('validation', message, { contentBase64: message });
}

function list(names: string[]): string {
  return names.map((n) => `{${n}}`).join(', ');
}

/**
 * Checks an uploaded template before it is stored: that it is a .docx at all, that it can be read, that
 * every placeholder is one the catalogue knows for this kind (a typo would otherwise print as «{kommnue}»
 * in every document), and that the required ones are there. Refusals name the problem and the placeholders
 * (they come from the template, never from case data).
 */
export async function validateTemplate(kind: TemplateKind, fileName: string, content: Buffer): Promise<void> {
  if (!/\.docx$/i.test(fileName)) throw refuse('Malen må være et Word-dokument (.docx). Lagre filen som .docx i Word og prøv igjen.');
  if (content.length > MAX_TEMPLATE_BYTES) throw refuse('Malen er større enn 10 MB og kan ikke brukes.');
  if (content.length < ZIP_MAGIC.length || ZIP_MAGIC.some((b, i) => content[i] !== b)) {
    throw refuse('Filen er ikke et Word-dokument (.docx). Lagre filen som .docx i Word og prøv igjen.');
  }
  await inspectTemplateZip(content);
  let names: string[];
  try {
    const tags = await templateTags(content);
    names = tags.map((t) => t.name.trim());
  } catch (error) {
    throw refuse(`Malen kan ikke leses: filen er skadet eller har en plassholder som ikke er lukket riktig (${describe(error)}).`);
  }
  const allowed = allowedPlaceholderNames(kind);
  // A closing tag may be written `{/}`; it then has no name to check.
  const unknown = [...new Set(names.filter((n) => n !== '' && !allowed.has(n)))];
  const present = new Set(names);
  const missing = requiredPlaceholderNames(kind).filter((n) => !present.has(n));
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`ukjente plassholdere: ${list(unknown)}`);
  if (missing.length > 0) problems.push(`mangler påkrevde plassholdere: ${list(missing)}`);
  if (problems.length > 0) {
    throw new ServiceError('validation', `Malen for ${TEMPLATE_KIND_LABEL[kind].toLowerCase()} ble ikke tatt i bruk – ${problems.join('; ')}.`, {
      contentBase64: problems.join('; '),
    });
  }
}

/** The library's error names, translated; never the template's content. */
function describe(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name : '';
  const known: Record<string, string> = {
    MalformedFileError: 'ugyldig filformat',
    UnidentifiedFileTypeError: 'ukjent filtype',
    UnsupportedFileTypeError: 'filtypen støttes ikke',
    MissingCloseDelimiterError: 'en { mangler sin }',
    MissingStartDelimiterError: 'en } mangler sin {',
    UnclosedTagError: 'en løkke {#…} mangler {/…}',
    UnopenedTagError: 'en {/…} mangler sin {#…}',
    MaxXmlDepthError: 'for dypt nestet innhold',
  };
  return known[name] ?? 'ukjent feil i filen';
}
