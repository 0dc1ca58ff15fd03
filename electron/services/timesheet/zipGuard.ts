import yauzl from 'yauzl';
import { FileRefusedError } from './fileErrors';
import { READ_LIMITS } from './limits';

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
 */
export function inspectZip(buffer: Buffer, limits: ZipLimits = READ_LIMITS, requiredEntry = 'xl/workbook.xml'): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(new FileRefusedError('not_zip'));
      let entries = 0;
      let inflated = 0;
      let hasWorkbook = false;
      let done = false;
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
        if (!hasWorkbook) reject(new FileRefusedError('not_xlsx'));
        else resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        if (entries > limits.maxEntries) return fail(new FileRefusedError('too_many_entries'));
        if (entry.fileName === requiredEntry) hasWorkbook = true;
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (inflated + entry.uncompressedSize > limits.maxDecompressedBytes) return fail(new FileRefusedError('too_large_unpacked'));
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(new FileRefusedError('unreadable'));
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxDecompressedBytes) {
              stream.destroy();
              fail(new FileRefusedError('too_large_unpacked'));
            }
          });
          stream.on('error', () => fail(new FileRefusedError('unreadable')));
          stream.on('end', () => {
            if (!done) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
