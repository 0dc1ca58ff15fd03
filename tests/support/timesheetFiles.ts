import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** Builds .xlsx files in memory the way the team's sheets look, and hostile zips, for import tests. */
export type SheetRows = unknown[][];

export async function workbookBytes(sheets: Record<string, SheetRows>, configure?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  configure?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const excelDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

interface ZipEntry {
  name: string;
  /** Deflated bytes, their CRC and real size. */
  deflated: Buffer;
  crc: number;
  size: number;
  /** What the headers claim; a lying zip claims less than it holds. */
  claimedSize?: number;
}

export function storedEntry(name: string, data: Buffer): ZipEntry {
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** `megabytes` of zeros, deflated in chunks so the test never holds them uncompressed. */
export async function zeroEntry(name: string, megabytes: number, claimedSize?: number): Promise<ZipEntry> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  return { name, deflated: Buffer.concat(parts), crc, size: megabytes * chunk.length, claimedSize };
}

/** How a crafted zip lies: local entries the central directory does not list, or local names that differ. */
export interface ZipTricks {
  unlisted?: readonly ZipEntry[];
  localName?: (name: string) => string;
}

/** The fields local and central headers share, in the same order; they start at byte 4 and 6 respectively. */
function sharedFields(header: Buffer, at: number, e: ZipEntry, nameLength: number): Buffer {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(e.crc >>> 0, at + 10);
  header.writeUInt32LE(e.deflated.length, at + 14);
  header.writeUInt32LE(e.claimedSize ?? e.size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
  return header;
}

function localHeader(e: ZipEntry, name: Buffer): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  return sharedFields(local, 4, e, name.length);
}

/** A minimal zip (deflate, no data descriptors), enough for yauzl and for Excel. */
export function zipBytes(entries: readonly ZipEntry[], tricks: ZipTricks = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(tricks.localName?.(e.name) ?? e.name, 'utf8');
    const local = localHeader(e, localName);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    sharedFields(central, 6, e, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, localName, e.deflated);
    centrals.push(central, name);
    offset += local.length + localName.length + e.deflated.length;
  }
  for (const e of tricks.unlisted ?? []) {
    const name = Buffer.from(e.name, 'utf8');
    locals.push(localHeader(e, name), name, e.deflated);
    offset += 30 + name.length + e.deflated.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}
