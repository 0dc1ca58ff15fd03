import yauzl from 'yauzl';
import { FileRefusedError } from './fileErrors';
import { READ_LIMITS } from './limits';
import { localHeadersAgree } from './zipLayout';

interface ZipLimits {
  maxDecompressedBytes: number;
  maxEntries: number;
}

/**
 * Inflates every entry of the zip once, counting real bytes, and refuses the file before any XML parser
 * sees it when it has too many entries or unpacks past the limit. The sizes a zip declares are not
 * trusted (yauzl also checks each entry against its declared size), so a bomb is stopped by what it
 * actually produces. `requiredEntry` is the part that makes it the expected kind of file (an .xlsx by
 * default; the document templates ask for word/document.xml); without it the file is refused as `not_xlsx`.
 *
 * This is the only place the zip is opened: the entries `keep` names are handed back inflated, so a parser
 * reads exactly the bytes that were counted here, found through the central directory. Local headers that
 * disagree with the central directory are refused (`zip_mismatch`), so no other reader could see other files.
 */
export function inspectZip(
  buffer: Buffer,
  limits: ZipLimits = READ_LIMITS,
  requiredEntry = 'xl/workbook.xml',
  keep: (name: string) => boolean = () => false,
): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(new FileRefusedError('not_zip'));
      let entries = 0;
      let inflated = 0;
      let hasWorkbook = false;
      let done = false;
      const seen: yauzl.Entry[] = [];
      // A Map: entry names come from the file and must never become object keys.
      const kept = new Map<string, Buffer>();
      const fail = (error: FileRefusedError) => {
        if (done) return;
        done = true;
        zip.close();
        reject(error);
      };
      zip.on('error', () => fail(new FileRefusedError('not_zip')));
      zip.on('end', () => {
        if (done) return;
        done = true;
        if (!localHeadersAgree(buffer, seen)) reject(new FileRefusedError('zip_mismatch'));
        else if (!hasWorkbook) reject(new FileRefusedError('not_xlsx'));
        else resolve(kept);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        if (entries > limits.maxEntries) return fail(new FileRefusedError('too_many_entries'));
        // Two entries of one name: which one a reader takes is up to the reader. Refused as ambiguous.
        if (seen.some((e) => e.fileName === entry.fileName)) return fail(new FileRefusedError('zip_mismatch'));
        seen.push(entry);
        if (entry.fileName === requiredEntry) hasWorkbook = true;
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (inflated + entry.uncompressedSize > limits.maxDecompressedBytes) return fail(new FileRefusedError('too_large_unpacked'));
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(new FileRefusedError('unreadable'));
          const parts: Buffer[] | null = keep(entry.fileName) ? [] : null;
          stream.on('data', (chunk: Buffer) => {
            parts?.push(chunk);
            inflated += chunk.length;
            if (inflated > limits.maxDecompressedBytes) {
              stream.destroy();
              fail(new FileRefusedError('too_large_unpacked'));
            }
          });
          stream.on('error', () => fail(new FileRefusedError('unreadable')));
          stream.on('end', () => {
            if (parts) kept.set(entry.fileName, Buffer.concat(parts));
            if (!done) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
