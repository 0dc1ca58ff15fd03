import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTemplatePath } from '../../electron/tools/templates/buildDefaultTemplates';
import { validateTemplate } from '../../electron/services/documents/templateValidation';
import { TEMPLATE_REFUSALS, TEMPLATE_WORKER_LIMITS } from '../../electron/services/documents/templateRefusals';
import { createTestDatabase, TEST_RESOURCES_DIR, type TestDatabase } from '../support/testDatabase';
import { visibleText, wordXmlParts } from '../support/docxFiles';

/**
 * Crafted templates an outside review used: each is built here from the shipped closure report with one
 * hostile part added, uploaded through the channel, and must be refused with the screen's message, quickly,
 * without storing or auditing anything and without blocking the main thread.
 */
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
});
afterEach(() => t.close());

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const shipped = () => readFileSync(defaultTemplatePath(TEST_RESOURCES_DIR, 'closure-report'));

/** The shipped report with parts replaced (`edit` gets the old text, or '' for a new part). */
async function craft(edits: Record<string, (xml: string) => string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(shipped());
  for (const [name, edit] of Object.entries(edits)) zip.file(name, edit((await zip.file(name)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const addDocumentRelationship = (relationship: string) => ({
  'word/_rels/document.xml.rels': (xml: string) => xml.replace('</Relationships>', `${relationship}</Relationships>`),
});

/** Uploads through the channel while timing the main thread's longest pause between 10 ms ticks. */
async function upload(content: Buffer) {
  const templatesBefore = (await t.okAsync('templates:list', { kind: 'closure-report' })).length;
  const auditBefore = t.count('audit_log');
  let longestGapMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  const result = await t.callAsync('templates:replace', { kind: 'closure-report', fileName: 'Rapport.docx', contentBase64: content.toString('base64') });
  const elapsedMs = performance.now() - started;
  clearInterval(ticker);
  const stored = (await t.okAsync('templates:list', { kind: 'closure-report' })).length - templatesBefore;
  return { result, elapsedMs, longestGapMs, stored, audited: t.count('audit_log') - auditBefore };
}

async function expectRefused(content: Buffer, message: string) {
  const outcome = await upload(content);
  expect(outcome.result).toMatchObject({ ok: false, error: { code: 'validation', message } });
  expect(outcome.stored).toBe(0);
  expect(outcome.audited).toBe(0);
  expect(outcome.elapsedMs).toBeLessThan(TEMPLATE_WORKER_LIMITS.timeLimitMs);
  // Parsing on the main thread froze it for 11–19 s; in the worker only loading and posting run here.
  expect(outcome.longestGapMs).toBeLessThan(1_000);
  return outcome;
}

// Each upload starts a worker that, from source, compiles the TypeScript through tsx: seconds on a busy machine.
const SLOW = 90_000;

describe('templates that reach outside the document', () => {
  it(
    'refuses an attached template on a network share',
    async () => {
      const evil = await craft({
        'word/settings.xml': (xml) => xml.replace(/(<w:settings[^>]*>)/, '$1<w:attachedTemplate r:id="rId1"/>'),
        'word/_rels/settings.xml.rels': () =>
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/attachedTemplate" Target="file:///\\\\host\\share\\evil.dotm" TargetMode="External"/></Relationships>`,
      });
      await expectRefused(evil, TEMPLATE_REFUSALS.attached_template);
    },
    SLOW,
  );

  it(
    'refuses an altChunk, an OLE object and a picture fetched from the net',
    async () => {
      const altChunk = await craft({
        ...addDocumentRelationship(`<Relationship Id="rId90" Type="${REL}/aFChunk" Target="afchunk.mht"/>`),
        'word/afchunk.mht': () => 'MIME-Version: 1.0',
      });
      await expectRefused(altChunk, TEMPLATE_REFUSALS.alt_chunk);
      const ole = await craft(addDocumentRelationship(`<Relationship Id="rId91" Type="${REL}/oleObject" Target="embeddings/oleObject1.bin"/>`));
      await expectRefused(ole, TEMPLATE_REFUSALS.ole_object);
      const remote = await craft(
        addDocumentRelationship(`<Relationship Id="rId92" Type="${REL}/image" Target="http://example.com/spor.png" TargetMode="External"/>`),
      );
      await expectRefused(remote, TEMPLATE_REFUSALS.external_image);
    },
    SLOW,
  );

  it(
    'refuses a link into the file system and a field that fetches a picture, but keeps an ordinary web link',
    async () => {
      const share = await craft(
        addDocumentRelationship(`<Relationship Id="rId93" Type="${REL}/hyperlink" Target="file://host/share/x.docx" TargetMode="External"/>`),
      );
      await expectRefused(share, TEMPLATE_REFUSALS.external_link);
      const field = await craft({
        'word/document.xml': (xml) =>
          xml.replace(
            '</w:body>',
            '<w:p><w:r><w:instrText> INCLUDE</w:instrText></w:r><w:r><w:instrText>PICTURE "http://example.com/x.png" \\d </w:instrText></w:r></w:p></w:body>',
          ),
      });
      await expectRefused(field, TEMPLATE_REFUSALS.external_link);
      const web = await craft(
        addDocumentRelationship(`<Relationship Id="rId94" Type="${REL}/hyperlink" Target="https://www.fauske.kommune.no/" TargetMode="External"/>`),
      );
      expect((await upload(web)).result).toMatchObject({ ok: true });
    },
    SLOW,
  );

  it(
    'refuses a template saved with macros',
    async () => {
      const macros = await craft({ '[Content_Types].xml': (xml) => xml.replace('document.main+xml', 'document.macroEnabled.main+xml') });
      await expectRefused(macros, TEMPLATE_REFUSALS.macros);
    },
    SLOW,
  );
});

describe('templates built to exhaust the parser', () => {
  it(
    'refuses deeply nested XML before any parser builds a tree',
    async () => {
      const depth = 200_000;
      const nested = await craft({ 'word/document.xml': (xml) => xml.replace('</w:body>', `${'<w:sdt>'.repeat(depth)}${'</w:sdt>'.repeat(depth)}</w:body>`) });
      expect(nested.length).toBeLessThan(200 * 1024);
      await expectRefused(nested, TEMPLATE_REFUSALS.too_deep);
    },
    SLOW,
  );

  it(
    'refuses an XML part over the per-part limit, however well it packs',
    async () => {
      const huge = await craft({
        'word/document.xml': (xml) => xml.replace('</w:body>', `<w:p><w:r><w:t>${'x'.repeat(5 * 1024 * 1024)}</w:t></w:r></w:p></w:body>`),
      });
      expect(huge.length).toBeLessThan(1024 * 1024);
      await expectRefused(huge, TEMPLATE_REFUSALS.part_too_large);
    },
    SLOW,
  );

  it(
    'turns a check that runs out of time into a refusal, not a frozen window',
    async () => {
      await expect(
        validateTemplate('closure-report', 'Rapport.docx', shipped(), { resourceLimits: TEMPLATE_WORKER_LIMITS.resourceLimits, timeLimitMs: 1 }),
      ).rejects.toMatchObject({ code: 'validation', message: TEMPLATE_REFUSALS.too_slow });
    },
    SLOW,
  );
});

describe('what is stored', () => {
  it(
    'is the template rebuilt from the checked parts, which fills as before',
    async () => {
      const outcome = await upload(shipped());
      expect(outcome.result).toMatchObject({ ok: true, value: { version: 2 } });
      const [newest] = await t.okAsync('templates:list', { kind: 'closure-report' });
      const stored = Buffer.from((await t.okAsync('templates:download', { id: newest!.id })).contentBase64, 'base64');
      // Directory entries carry no content, and the rebuild writes only the parts it checked.
      const partNames = async (docx: Buffer) =>
        Object.values((await JSZip.loadAsync(docx)).files)
          .filter((entry) => !entry.dir)
          .map((entry) => entry.name)
          .sort();
      expect(await partNames(stored)).toEqual(await partNames(shipped()));
      const text = (parts: Map<string, string>) => visibleText(parts.get('word/document.xml')!);
      expect(text(await wordXmlParts(stored))).toBe(text(await wordXmlParts(shipped())));
    },
    SLOW,
  );
});
