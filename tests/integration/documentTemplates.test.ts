import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { TEMPLATE_KINDS } from '@shared/domain/documents';
import { buildDefaultTemplate, defaultTemplatePath } from '../../electron/tools/templates/buildDefaultTemplates';
import { createTestDatabase, TEST_RESOURCES_DIR, type TestDatabase } from '../support/testDatabase';
import { buildClosedCase } from '../support/documentCases';
import { remainingPlaceholders, visibleText, wordXmlParts } from '../support/docxFiles';
import { placeholdersFor } from '@shared/domain/templatePlaceholders';
import { validateTemplate } from '../../electron/services/documents/templateValidation';
import { templateTags } from '../../electron/services/documents/templateFill';
import { closureReportData } from '../../electron/services/documents/closureReportData';
import { evaluationFormData } from '../../electron/services/documents/evaluationFormData';

/** Template management: validation before a template is accepted, split runs, versions, restore, open. */
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
});
afterEach(() => t.close());

const shipped = (kind: 'closure-report' | 'evaluation-form') => readFileSync(defaultTemplatePath(TEST_RESOURCES_DIR, kind));

/** The shipped template with its document.xml changed by `edit`, as Word would save an edited copy. */
async function edited(kind: 'closure-report' | 'evaluation-form', edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(shipped(kind));
  const xml = await zip.file('word/document.xml')!.async('string');
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip.file('word/document.xml', changed);
  return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

const replace = (kind: 'closure-report' | 'evaluation-form', contentBase64: string, fileName = 'Ny mal.docx') =>
  t.callAsync('templates:replace', { kind, fileName, contentBase64 });

describe('the shipped defaults', () => {
  it.each(TEMPLATE_KINDS)('%s in resources/templates is what the build script makes', async (kind) => {
    const committed = await wordXmlParts(shipped(kind));
    const built = await wordXmlParts(await buildDefaultTemplate(kind));
    expect([...committed.keys()]).toEqual([...built.keys()]);
    for (const [name, xml] of built) expect(committed.get(name), name).toBe(xml);
  });
});

describe('replacing a template', () => {
  it('fills a placeholder Word has split over several formatting runs', async () => {
    const split = await edited('evaluation-form', (xml) =>
      xml.replace(
        /<w:t xml:space="preserve">\{saksnummer\}<\/w:t><\/w:r>/,
        '<w:t xml:space="preserve">{saks</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>num</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>mer}</w:t></w:r>',
      ),
    );
    const accepted = await replace('evaluation-form', split);
    expect(accepted).toMatchObject({
      ok: true,
      value: { kind: 'evaluation-form', version: 2, isDefault: false, active: true, uploadedByName: 'Marit Solvang' },
    });
    const c = await buildClosedCase(t);
    const file = await t.okAsync('documents:generate', { caseId: c.caseId, kind: 'evaluation-form' });
    expect(file.log.templateVersion).toBe(2);
    const document = (await wordXmlParts(Buffer.from(file.contentBase64, 'base64'))).get('word/document.xml')!;
    expect(remainingPlaceholders(visibleText(document))).toEqual([]);
    expect(visibleText(document)).toContain(`Sakskode: ${c.code}`);
  });

  it('refuses a file that is not a .docx', async () => {
    const before = t.count('audit_log');
    expect(await replace('closure-report', Buffer.from('%PDF-1.7 ikke word').toString('base64'), 'rapport.pdf')).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('må være et Word-dokument (.docx)') },
    });
    expect(await replace('closure-report', Buffer.from('bare tekst').toString('base64'), 'rapport.docx')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Filen er ikke et Word-dokument') },
    });
    expect(t.count('audit_log')).toBe(before);
  });

  it('refuses a corrupt .docx', async () => {
    const half = shipped('closure-report').subarray(0, 4000);
    expect(await replace('closure-report', half.toString('base64'))).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('Malen kan ikke leses') },
    });
  });

  it('refuses unknown placeholders and names them', async () => {
    const typo = await edited('closure-report', (xml) => xml.replace('{kommune}', '{kommnue}').replace('{dato}', '{dato} {navn}'));
    const result = await replace('closure-report', typo);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('ukjente plassholdere: {kommnue}, {navn}') } });
    if (!result.ok) expect(result.error.message).toContain('mangler påkrevde plassholdere: {kommune}');
  });

  it('refuses a template without the required placeholders and names them', async () => {
    const missing = await edited('evaluation-form', (xml) => xml.replace('{samtykke}', 'Samtykke'));
    expect(await replace('evaluation-form', missing)).toMatchObject({
      ok: false,
      error: { message: 'Malen for evalueringsskjema ble ikke tatt i bruk – mangler påkrevde plassholdere: {samtykke}.' },
    });
    expect(await t.okAsync('templates:list', { kind: 'evaluation-form' })).toHaveLength(1);
  });

  it('refuses a placeholder that is never closed', async () => {
    const open = await edited('closure-report', (xml) => xml.replace('{kommune}', '{kommune'));
    expect(await replace('closure-report', open)).toMatchObject({ ok: false, error: { message: expect.stringContaining('Malen kan ikke leses') } });
  });
});

describe('versions', () => {
  it('lets only an administrator replace a template or restore the default', async () => {
    await t.addMember('jonas', 'Jonas Berg', 'JB');
    await t.signInAs('jonas');
    const mine = await edited('closure-report', (xml) => xml.replace('Oppfølging fra det interkommunale ettervernsteamet', 'Rapport til kommunen'));
    expect(await replace('closure-report', mine)).toMatchObject({ ok: false });
    expect(await t.callAsync('templates:restore-default', { kind: 'closure-report' })).toMatchObject({ ok: false });
    expect((await t.okAsync('templates:list', { kind: 'closure-report' })).map((v) => v.version)).toEqual([1]);
  });

  it('lists versions newest first, restores the default as a new version, and downloads each', async () => {
    const mine = await edited('closure-report', (xml) => xml.replace('Oppfølging fra det interkommunale ettervernsteamet', 'Rapport til kommunen'));
    await replace('closure-report', mine, 'Vår rapport.docx');
    const restored = await t.okAsync('templates:restore-default', { kind: 'closure-report' });
    expect(restored).toMatchObject({ version: 3, isDefault: true, active: true, uploadedByName: 'Marit Solvang' });
    const list = await t.okAsync('templates:list', { kind: 'closure-report' });
    expect(list.map((v) => [v.version, v.fileName, v.isDefault, v.active])).toEqual([
      [3, 'Avslutningsrapport.docx', true, true],
      [2, 'Vår rapport.docx', false, false],
      [1, 'Avslutningsrapport.docx', true, false],
    ]);
    const old = await t.okAsync('templates:download', { id: list[1]!.id });
    expect(old.fileName).toBe('Avslutningsrapport (versjon 2).docx');
    expect(visibleText((await wordXmlParts(Buffer.from(old.contentBase64, 'base64'))).get('word/document.xml')!)).toContain('Rapport til kommunen');
    expect(Buffer.from((await t.okAsync('templates:download', { id: list[0]!.id })).contentBase64, 'base64').equals(shipped('closure-report'))).toBe(true);
  });

  it('opens a copy in Word from a temporary folder, never the stored template', async () => {
    const [template] = await t.okAsync('templates:list', { kind: 'evaluation-form' });
    await t.okAsync('templates:open', { id: template!.id });
    expect(t.opened).toHaveLength(1);
    expect(t.opened[0]).toMatch(/ettervern-mal-.*Evalueringsskjema \(versjon 1\)\.docx$/);
    expect(readFileSync(t.opened[0]!).equals(shipped('evaluation-form'))).toBe(true);
  });

  it('lists the placeholder catalogue per kind', async () => {
    const report = await t.okAsync('templates:placeholders', { kind: 'closure-report' });
    expect(report.map((p) => p.name)).toContain('mål');
    expect(report.find((p) => p.name === 'saksnummer')).toMatchObject({ requiredIn: ['closure-report', 'evaluation-form'], example: '02/20-ST' });
    expect((await t.okAsync('templates:placeholders', { kind: 'evaluation-form' })).map((p) => p.name)).not.toContain('kommune');
  });
});

describe('the placeholder catalogue is the single truth', () => {
  it.each(TEMPLATE_KINDS)('the shipped %s passes the checks an upload gets and uses every placeholder of its kind', async (kind) => {
    await expect(validateTemplate(kind, 'standard.docx', shipped(kind))).resolves.toBeInstanceOf(Buffer);
    const used = new Set((await templateTags(shipped(kind))).map((tag) => tag.name));
    expect(
      placeholdersFor(kind)
        .map((p) => p.name)
        .filter((name) => !used.has(name)),
    ).toEqual([]);
  });

  it('fills exactly the catalogue’s placeholders for each kind, loops with their fields', async () => {
    const c = await buildClosedCase(t);
    const detail = t.ok('cases:get', { id: c.caseId });
    const filled = { 'closure-report': closureReportData(detail, null, '2020-06-20'), 'evaluation-form': evaluationFormData(detail, '2020-06-20') };
    for (const kind of TEMPLATE_KINDS) {
      const data = filled[kind];
      expect(Object.keys(data).sort(), kind).toEqual(
        placeholdersFor(kind)
          .map((p) => p.name)
          .sort(),
      );
      for (const p of placeholdersFor(kind).filter((p) => p.type === 'loop')) {
        const rows = data[p.name] as Record<string, string>[];
        for (const row of rows) expect(Object.keys(row).sort(), p.name).toEqual(p.fields!.map((f) => f.name).sort());
      }
    }
  });
});

describe('hostile template files', () => {
  it('refuses a zip that is not a Word document and a zip bomb before parsing', async () => {
    const notWord = new JSZip();
    notWord.file('xl/workbook.xml', '<workbook/>');
    expect(await replace('closure-report', (await notWord.generateAsync({ type: 'nodebuffer' })).toString('base64'))).toMatchObject({
      ok: false,
      error: { message: 'Filen er en zip-fil, men ikke et Word-dokument (.docx).' },
    });
    const bomb = new JSZip();
    bomb.file('word/document.xml', '<w:document/>');
    // Each part under the per-part limit, together past the 60 MB a template may unpack to.
    for (let i = 0; i < 5; i++) bomb.file(`word/media/fyll${i}.bin`, Buffer.alloc(14 * 1024 * 1024));
    const packed = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(packed.length).toBeLessThan(1024 * 1024);
    expect(await replace('closure-report', packed.toString('base64'))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('zip-bombe') },
    });
  });
});
