import yauzl from 'yauzl';
import { TEMPLATE_PART_LIMITS, TemplateRefusedError, type TemplateRefusal } from './templateRefusals';

export interface TemplatePart {
  name: string;
  data: Buffer;
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

function partLimit(name: string): number {
  return isXmlPart(name) ? TEMPLATE_PART_LIMITS.maxXmlPartBytes : TEMPLATE_PART_LIMITS.maxBinaryPartBytes;
}

/**
 * Unpacks a .docx through its central directory, counting the real bytes each part inflates to, and
 * returns the parts. Nothing else reads the uploaded bytes: the template is rebuilt from exactly these
 * parts, so a local header that claims other content than the directory, a second entry under the same
 * name or an oversized part never reaches the XML parser or the database.
 */
export function readTemplateParts(buffer: Buffer): Promise<TemplatePart[]> {
  const limits = TEMPLATE_PART_LIMITS;
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(new TemplateRefusedError('not_zip'));
      const parts: TemplatePart[] = [];
      const seen = new Set<string>();
      let inflated = 0;
      let done = false;
      const fail = (refusal: TemplateRefusal) => {
        if (done) return;
        done = true;
        zip.close();
        reject(new TemplateRefusedError(refusal));
      };
      zip.on('error', () => fail('not_zip'));
      zip.on('end', () => {
        if (done) return;
        done = true;
        if (!seen.has('word/document.xml')) reject(new TemplateRefusedError('not_docx'));
        else resolve(parts);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (seen.size >= limits.maxEntries) return fail('too_many_parts');
        const name = entry.fileName;
        // Two entries under one name (in any case): readers disagree on which one counts.
        const key = name.toLowerCase();
        if (seen.has(key)) return fail('unreadable');
        seen.add(key);
        if (name.endsWith('/')) return zip.readEntry();
        const limit = partLimit(name);
        // The declared sizes are checked first (cheap), then the bytes actually produced.
        if (entry.uncompressedSize > limit) return fail('part_too_large');
        if (inflated + entry.uncompressedSize > limits.maxDecompressedBytes) return fail('too_large_unpacked');
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail('unreadable');
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            inflated += chunk.length;
            if (size > limit || inflated > limits.maxDecompressedBytes) {
              stream.destroy();
              fail(size > limit ? 'part_too_large' : 'too_large_unpacked');
            } else chunks.push(chunk);
          });
          stream.on('error', () => fail('unreadable'));
          stream.on('end', () => {
            if (done) return;
            parts.push({ name, data: Buffer.concat(chunks, size) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
