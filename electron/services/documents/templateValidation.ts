import { allowedPlaceholderNames, requiredPlaceholderNames } from '@shared/domain/templatePlaceholders';
import { MAX_TEMPLATE_BYTES, TEMPLATE_KIND_LABEL, type TemplateKind } from '@shared/domain/documents';
import { ServiceError } from '../errors/serviceError';
import { runWorker, WorkerFailedError, workerScript, type WorkerLimits } from '../workers/runWorker';
import type { TemplateCheckMessage, TemplateCheckRequest } from './templateCheckMessages';
import { TEMPLATE_REFUSALS, TEMPLATE_WORKER_LIMITS, isTemplateRefusal } from './templateRefusals';

/** The worker entry's name; electron.vite.config.ts emits it as templateWorker.js beside the main bundle. */
export const TEMPLATE_WORKER_ENTRY = 'templateWorker';

/**
 * Unpacks, checks and parses the template in a worker with a capped heap and time (a crafted file once
 * took 19 s and 3.9 GB on the main thread). A worker that runs out of time or memory is a refusal.
 */
async function checkInWorker(content: Buffer, limits: WorkerLimits): Promise<{ names: string[]; content: Buffer }> {
  let message: TemplateCheckMessage;
  try {
    // Copied, not transferred: the caller keeps its buffer (Node may pool small Buffers).
    message = await runWorker<TemplateCheckMessage>(
      workerScript(import.meta.url, TEMPLATE_WORKER_ENTRY),
      { bytes: new Uint8Array(content) } satisfies TemplateCheckRequest,
      limits,
    );
  } catch (error) {
    if (!(error instanceof WorkerFailedError)) throw error;
    throw refuse(TEMPLATE_REFUSALS[error.failure === 'timeout' ? 'too_slow' : error.failure === 'out_of_memory' ? 'out_of_memory' : 'unreadable']);
  }
  if (message.type === 'refused') throw refuse(TEMPLATE_REFUSALS[isTemplateRefusal(message.refusal) ? message.refusal : 'unreadable']);
  if (message.type === 'unparsable') {
    throw refuse(`Malen kan ikke leses: filen er skadet eller har en plassholder som ikke er lukket riktig (${describe(message.errorName)}).`);
  }
  return { names: message.names, content: Buffer.from(message.content.buffer, message.content.byteOffset, message.content.byteLength) };
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
 * (they come from the template, never from case data). Returns the .docx rebuilt from the checked parts:
 * that, not the uploaded bytes, is what is stored and later filled.
 */
export async function validateTemplate(kind: TemplateKind, fileName: string, content: Buffer, limits: WorkerLimits = TEMPLATE_WORKER_LIMITS): Promise<Buffer> {
  if (!/\.docx$/i.test(fileName)) throw refuse('Malen må være et Word-dokument (.docx). Lagre filen som .docx i Word og prøv igjen.');
  if (content.length > MAX_TEMPLATE_BYTES) throw refuse('Malen er større enn 10 MB og kan ikke brukes.');
  if (content.length < ZIP_MAGIC.length || ZIP_MAGIC.some((b, i) => content[i] !== b)) {
    throw refuse('Filen er ikke et Word-dokument (.docx). Lagre filen som .docx i Word og prøv igjen.');
  }
  const checked = await checkInWorker(content, limits);
  const names = checked.names;
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
  return checked.content;
}

/** The library's error names, translated; never the template's content. */
function describe(name: string): string {
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
