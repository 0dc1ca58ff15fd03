/**
 * Why an uploaded template was refused, as a code the worker can post and the screen's message for it.
 * The messages name the kind of problem and what to do in Word, never anything read from the file.
 */
export const TEMPLATE_REFUSALS = {
  not_zip: 'Malen kan ikke leses: filen er skadet. Åpne den i Word, lagre på nytt som .docx og prøv igjen.',
  not_docx: 'Filen er en zip-fil, men ikke et Word-dokument (.docx).',
  too_many_parts: 'Filen har for mange deler til å være et vanlig Word-dokument, og blir ikke lest.',
  too_large_unpacked: 'Filen pakker seg ut til mer enn 60 MB (mulig «zip-bombe»), og blir ikke lest.',
  part_too_large:
    'Malen har en del som er større enn et Word-dokument trenger (over 4 MB tekst eller 20 MB bilde), og blir ikke lest. Komprimer bildene i Word eller del opp dokumentet.',
  too_deep: 'Malen har for dypt nestet innhold (for eksempel tabeller i tabeller i mange lag), og blir ikke lest.',
  macros: 'Malen inneholder makroer. Lagre den i Word som «Word-dokument (.docx)», ikke som dokument med makroer, og prøv igjen.',
  attached_template: 'Malen viser til en dokumentmal utenfor filen (tilknyttet mal). Fjern den i Word under Utvikler → Dokumentmal, lagre og prøv igjen.',
  alt_chunk: 'Malen har innhold som er limt inn som et eget dokument (altChunk). Lim det inn som vanlig tekst i Word, lagre og prøv igjen.',
  ole_object: 'Malen har innebygde eller koblede objekter (OLE, for eksempel et Excel-ark). Lim dem inn som bilde eller tabell, lagre og prøv igjen.',
  external_image: 'Malen har et bilde som hentes fra nettet eller en annen fil. Sett inn bildet i selve dokumentet, lagre og prøv igjen.',
  external_link:
    'Malen henter innhold fra en annen fil eller adresse utenfor dokumentet. Bare vanlige lenker (https, mailto) er tillatt. Fjern koblingen i Word, lagre og prøv igjen.',
  unreadable: 'Malen kan ikke leses: filen er skadet. Åpne den i Word, lagre på nytt som .docx og prøv igjen.',
  too_slow: 'Malen tok for lang tid å kontrollere (over 15 sekunder) og ble ikke tatt i bruk. Lagre den på nytt i Word og prøv igjen.',
  out_of_memory: 'Malen krevde for mye minne å kontrollere og ble ikke tatt i bruk. Lagre den på nytt i Word og prøv igjen.',
} as const;

export type TemplateRefusal = keyof typeof TEMPLATE_REFUSALS;

export function isTemplateRefusal(code: string): code is TemplateRefusal {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_REFUSALS, code);
}

/** Thrown inside the worker; only its code crosses to the main thread. */
export class TemplateRefusedError extends Error {
  constructor(readonly refusal: TemplateRefusal) {
    super(refusal);
    this.name = 'TemplateRefusedError';
  }
}

/** Heap and time for checking one template; a real letter takes well under a second and tens of megabytes. */
export const TEMPLATE_WORKER_LIMITS = {
  resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  timeLimitMs: 15_000,
} as const;

/** What one template may hold. An edited letter unpacks to well under a megabyte of XML. */
export const TEMPLATE_PART_LIMITS = {
  maxEntries: 500,
  maxDecompressedBytes: 60 * 1024 * 1024,
  /** One XML part (document, header, styles, relationships…). */
  maxXmlPartBytes: 4 * 1024 * 1024,
  /** One picture or other binary part. */
  maxBinaryPartBytes: 20 * 1024 * 1024,
  /** Element nesting; Word's own documents stay far below, tables in tables included. */
  maxXmlDepth: 256,
} as const;
