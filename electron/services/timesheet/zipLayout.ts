import type yauzl from 'yauzl';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** General purpose flag bit 3: crc and sizes follow the data in a descriptor, the local header has zeros. */
const HAS_DATA_DESCRIPTOR = 0x08;

/**
 * True when the local headers say the same as the central directory and nothing hides between them.
 * yauzl reads the central directory; a streaming reader (or Excel's repair) reads the local headers. A file
 * where the two disagree — a local entry the directory does not list, a local name or method that differs,
 * bytes between one entry's data and the next header — is built to be read differently by different
 * readers, so it is refused rather than guessed at. The entries must tile the file from byte 0 to the
 * central directory: each local header, its data and its optional data descriptor, in order, with no gap.
 */
export function localHeadersAgree(buffer: Buffer, entries: readonly yauzl.Entry[]): boolean {
  const ordered = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  for (const entry of ordered) {
    const at = entry.relativeOffsetOfLocalHeader;
    if (at !== expected || at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) return false;
    const flags = buffer.readUInt16LE(at + 6);
    if (buffer.readUInt16LE(at + 8) !== entry.compressionMethod) return false;
    const nameLength = buffer.readUInt16LE(at + 26);
    const extraLength = buffer.readUInt16LE(at + 28);
    const nameStart = at + 30;
    if (nameStart + nameLength + extraLength > buffer.length) return false;
    if (!buffer.subarray(nameStart, nameStart + nameLength).equals(entry.fileNameRaw)) return false;
    if (!(flags & HAS_DATA_DESCRIPTOR) && !sizesAgree(buffer, at, entry)) return false;
    let end = nameStart + nameLength + extraLength + entry.compressedSize;
    if (flags & HAS_DATA_DESCRIPTOR) end += descriptorLength(buffer, end, entry);
    expected = end;
  }
  // Whatever follows the last entry must be the central directory itself, not one more local entry.
  return expected + 4 <= buffer.length && buffer.readUInt32LE(expected) === CENTRAL_HEADER;
}

function sizesAgree(buffer: Buffer, at: number, entry: yauzl.Entry): boolean {
  const crc = buffer.readUInt32LE(at + 14);
  const compressed = buffer.readUInt32LE(at + 18);
  const uncompressed = buffer.readUInt32LE(at + 22);
  // 0xffffffff: the real size is in the zip64 extra field, which the central directory's copy governs.
  const same = (local: number, central: number) => local === 0xffffffff || local === central;
  return crc === entry.crc32 && same(compressed, entry.compressedSize) && same(uncompressed, entry.uncompressedSize);
}

/** 12 or 16 bytes (with its optional signature), 20 or 24 for zip64 sizes; checked against the entry. */
function descriptorLength(buffer: Buffer, at: number, entry: yauzl.Entry): number {
  if (at + 12 > buffer.length) return Number.NaN;
  const signed = buffer.readUInt32LE(at) === DATA_DESCRIPTOR ? 4 : 0;
  if (at + signed + 12 > buffer.length || buffer.readUInt32LE(at + signed) !== entry.crc32) return Number.NaN;
  const compressed32 = buffer.readUInt32LE(at + signed + 4);
  if (compressed32 === entry.compressedSize && buffer.readUInt32LE(at + signed + 8) === entry.uncompressedSize % 2 ** 32) return signed + 12;
  return signed + 20;
}

/** Where an entry's data starts: after its local header's name and extra field (checked by localHeadersAgree). */
export function localDataStart(buffer: Buffer, entry: yauzl.Entry): number {
  const at = entry.relativeOffsetOfLocalHeader;
  return at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
}
