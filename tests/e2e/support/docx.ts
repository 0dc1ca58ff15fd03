import yauzl from 'yauzl';
import { storedEntry, zipBytes } from '../../support/timesheetFiles';

/** Every entry of a .docx (a zip) by name, uncompressed: small test files only. */
export function unzipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      archive.on('error', reject);
      archive.on('end', () => resolve(entries));
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const parts: Buffer[] = [];
          stream.on('data', (part: Buffer) => parts.push(part));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(parts));
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

/**
 * The same .docx with its text changed the way a person editing in Word would change it (body, header and
 * footer alike), zipped again: what «Erstatt med redigert fil …» receives.
 */
export async function editDocx(docx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const entries = await unzipEntries(docx);
  if (!entries.has('word/document.xml')) throw new Error('No word/document.xml in the template');
  for (const [name, data] of entries) {
    if (/^word\/[^/]+\.xml$/.test(name)) entries.set(name, Buffer.from(edit(data.toString('utf8')), 'utf8'));
  }
  return zipBytes([...entries].map(([name, data]) => storedEntry(name, data)));
}

/** The visible text of word/document.xml: the runs' text joined, so a placeholder split across runs reads whole. */
export function documentText(documentXml: string): string {
  return [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
