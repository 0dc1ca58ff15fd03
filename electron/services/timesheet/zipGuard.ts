import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { FileRefusedError } from './fileErrors';
import { READ_LIMITS } from './limits';
import { localDataStart, localHeadersAgree } from './zipLayout';

interface ZipLimits {
  maxDecompressedBytes: number;
  maxEntries: number;
}

/** The central directory as yauzl reads it; no entry's data is touched yet. */
function listEntries(buffer: Buffer, maxEntries: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(new FileRefusedError('not_zip'));
      const entries: yauzl.Entry[] = [];
      // A Set: entry names come from the file and must never become object keys.
      const names = new Set<string>();
      let done = false;
      const finish = (outcome: () => void) => {
        if (done) return;
        done = true;
        zip.close();
        outcome();
      };
      zip.on('error', () => finish(() => reject(new FileRefusedError('not_zip'))));
      zip.on('end', () => finish(() => resolve(entries)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.length >= maxEntries) return finish(() => reject(new FileRefusedError('too_many_entries')));
        // Two entries of one name: which one a reader takes is up to the reader. Refused as ambiguous.
        if (names.has(entry.fileName)) return finish(() => reject(new FileRefusedError('zip_mismatch')));
        names.add(entry.fileName);
        entries.push(entry);
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}

/**
 * One entry's bytes, inflated in one call that may never produce more than the entry declares: a liar
 * is stopped at its own claim, and the claims together are held to the limit before anything is inflated.
 * The CRC and the size must then match the central directory, as yauzl's own reader would insist.
 */
function inflateEntry(buffer: Buffer, entry: yauzl.Entry): Buffer {
  if (entry.generalPurposeBitFlag & 0x1) throw new FileRefusedError('unreadable');
  const start = localDataStart(buffer, entry);
  const data = buffer.subarray(start, start + entry.compressedSize);
  let out: Buffer;
  if (entry.compressionMethod === 0) out = data;
  else if (entry.compressionMethod === 8) {
    try {
      // One output chunk of the declared size: the default 16 KiB chunks were copied together again at the end.
      const chunkSize = Math.min(Math.max(entry.uncompressedSize + 1, 64 * 1024), 64 * 1024 * 1024);
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize + 1), chunkSize });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
      throw new FileRefusedError(tooLarge ? 'too_large_unpacked' : 'unreadable');
    }
  } else throw new FileRefusedError('unreadable');
  if (out.length !== entry.uncompressedSize) throw new FileRefusedError(out.length > entry.uncompressedSize ? 'too_large_unpacked' : 'unreadable');
  if (crc32(out) >>> 0 !== entry.crc32 >>> 0) throw new FileRefusedError('unreadable');
  return out;
}

/**
 * Inflates every entry of the zip once and refuses the file before any XML parser sees it when it has too
 * many entries or unpacks past the limit. The sizes a zip declares are summed against the limit first, and
 * no entry may inflate past what it declares, so a bomb is stopped by its own claim or by what it really
 * produces. `requiredEntry` is the part that makes it the expected kind of file (an .xlsx by default; the
 * document templates ask for word/document.xml); without it the file is refused as `not_xlsx`.
 *
 * This is the only place the zip is read: yauzl reads the central directory, the local headers must agree
 * with it and tile the file with nothing hidden between entries (else `zip_mismatch`), and the entries
 * `keep` names are handed back inflated, so a parser reads exactly the bytes that were checked here.
 */
export async function inspectZip(
  buffer: Buffer,
  limits: ZipLimits = READ_LIMITS,
  requiredEntry = 'xl/workbook.xml',
  keep: (name: string) => boolean = () => false,
): Promise<Map<string, Buffer>> {
  const entries = await listEntries(buffer, limits.maxEntries);
  if (!localHeadersAgree(buffer, entries)) throw new FileRefusedError('zip_mismatch');
  if (!entries.some((e) => e.fileName === requiredEntry)) throw new FileRefusedError('not_xlsx');
  const files = entries.filter((e) => !e.fileName.endsWith('/'));
  const declared = files.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxDecompressedBytes) throw new FileRefusedError('too_large_unpacked');
  // A Map: entry names come from the file and must never become object keys.
  const kept = new Map<string, Buffer>();
  for (const entry of files) {
    const bytes = inflateEntry(buffer, entry);
    if (keep(entry.fileName)) kept.set(entry.fileName, bytes);
  }
  return kept;
}
