import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { TEMPLATE_KINDS, type TemplateKind } from '@shared/domain/documents';
import { createTestDatabase, TEST_RESOURCES_DIR, versionOf, type TestDatabase } from '../support/testDatabase';
import { buildClosedCase, generateDocx, HOSTILE_TEXT } from '../support/documentCases';
import { convertToPdf, remainingPlaceholders, visibleText, wordXmlParts } from '../support/docxFiles';

/** Both documents from realistic cases: filled, well formed, readable by LibreOffice, logged and audited. */
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
});
afterEach(() => t.close());

const generate = (caseId: number, kind: TemplateKind) => generateDocx(t, caseId, kind);

describe('closure report', () => {
  it('fills every placeholder from the case and LibreOffice reads the file', async () => {
    const c = await buildClosedCase(t);
    const { file, bytes, text } = await generate(c.caseId, 'closure-report');
    expect(file.fileName).toBe(`Avslutningsrapport ${c.code.replace('/', '-')}.docx`);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(remainingPlaceholders(text)).toEqual([]);
    for (const expected of [
      c.code,
      'Steigen',
      'Tildelingskontoret i Steigen',
      '17.02.2020–12.06.2020',
      'Egen leilighet før sommeren',
      'Nådd',
      'NAV Steigen (Ola Berg)',
      'Målene er nådd',
      '12.09.2020',
      'Brukeroppfølging',
      '9,5 timer',
    ]) {
      expect(text).toContain(expected);
    }
    // The hours chart is embedded as a picture.
    expect(Object.keys((await JSZip.loadAsync(bytes)).files).some((n) => /^word\/media\/.*\.png$/.test(n))).toBe(true);
    const pdf = await convertToPdf(bytes, file.fileName);
    try {
      expect(pdf.text).toContain('Avslutningsrapport');
      expect(pdf.text).toContain(c.code);
      expect(pdf.text).toContain('Fauske kommune');
    } finally {
      pdf.cleanup();
    }
  }, 120_000);

  it('prints hostile and very long text literally and the file stays valid', async () => {
    const c = await buildClosedCase(t, { hostile: true });
    const { file, bytes, text } = await generate(c.caseId, 'closure-report');
    // eslint-disable-next-line no-control-regex -- the control characters the document must drop
    const printable = HOSTILE_TEXT.replace(/[\u0000-\u0008\u000b]/g, '');
    // The XML carries & < > escaped; the visible text (unescaped) has them literally.
    const unescaped = text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
    expect(unescaped).toContain(printable.slice(0, 40));
    // eslint-disable-next-line no-control-regex -- as above
    expect(unescaped).not.toMatch(/[\u0000-\u0008\u000b]/);
    const pdf = await convertToPdf(bytes, file.fileName);
    try {
      expect(pdf.text).toContain('Bo & jobb <b>nå</b> {kommune}');
    } finally {
      pdf.cleanup();
    }
  }, 120_000);

  it('says which data is missing for a case that is not closed, and logs nothing', async () => {
    const open = t.ok('cases:create', { municipalityId: 1, referralDate: '2020-03-01' });
    const before = t.count('audit_log');
    const result = await t.callAsync('documents:generate', { caseId: open.id, kind: 'closure-report' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: `Saken ${open.code} mangler avslutningsdato – avslutt saken før avslutningsrapporten lages` },
    });
    expect(t.count('audit_log')).toBe(before);
    expect(await t.okAsync('documents:list', { caseId: open.id })).toEqual([]);
  });

  it('includes the user’s own assessment once an evaluation is registered with consent to share', async () => {
    const c = await buildClosedCase(t);
    await t.okAsync('evaluations:register', {
      caseCode: c.code,
      receivedDate: '2020-06-18',
      consentToContact: true,
      consentToShare: true,
      answers: { respekt: 5, helhet: 4, fungerte: 'At de kom hjem til meg' },
    });
    const { text } = await generate(c.caseId, 'closure-report');
    expect(text).toContain('Evalueringsskjema mottatt 18.06.2020');
    expect(text).toContain('Jeg ble møtt med respekt.');
    expect(text).toContain('Helt enig');
    expect(text).toContain('At de kom hjem til meg');
  });
});

describe('evaluation form', () => {
  it('prints the case code and every question, on one A4 page', async () => {
    const c = await buildClosedCase(t);
    const { file, bytes, text } = await generate(c.caseId, 'evaluation-form');
    expect(file.fileName).toBe(`Evalueringsskjema ${c.code.replace('/', '-')}.docx`);
    expect(remainingPlaceholders(text)).toEqual([]);
    expect(text).toContain(c.code);
    expect(text).not.toContain('Marit Solvang'.toUpperCase());
    const pdf = await convertToPdf(bytes, file.fileName);
    try {
      expect(pdf.pages).toBe(1);
      for (const expected of ['Jeg ble møtt med respekt.', 'Boligkontoret', 'Hva fungerte bra?', 'tre måneder']) expect(pdf.text).toContain(expected);
    } finally {
      pdf.cleanup();
    }
  }, 120_000);
});

describe('document log', () => {
  it('logs which document, template version, when and by whom, newest first; regenerating logs again', async () => {
    const c = await buildClosedCase(t);
    await t.okAsync('documents:generate', { caseId: c.caseId, kind: 'evaluation-form' });
    const report = await t.okAsync('documents:generate', { caseId: c.caseId, kind: 'closure-report' });
    expect(report.log).toMatchObject({
      caseId: c.caseId,
      kind: 'closure-report',
      templateVersion: 1,
      generatedByName: 'Marit Solvang',
      generatedAt: '2020-06-20T10:00:00.000Z',
    });
    const again = await t.okAsync('documents:regenerate', { id: report.log.id });
    expect(again.fileName).toBe(report.fileName);
    expect((await t.okAsync('documents:list', { caseId: c.caseId })).map((d) => d.kind)).toEqual(['closure-report', 'closure-report', 'evaluation-form']);
    const audit = t.db.sqlite.prepare("select action, record_type, record_id, fields from audit_log where action = 'document' order by id").all();
    expect(audit).toEqual([
      { action: 'document', record_type: 'case', record_id: String(c.caseId), fields: '["evaluation-form"]' },
      { action: 'document', record_type: 'case', record_id: String(c.caseId), fields: '["closure-report"]' },
      { action: 'document', record_type: 'case', record_id: String(c.caseId), fields: '["closure-report"]' },
    ]);
  });
});

describe('closure report partners', () => {
  it('lists a service that both referred and takes over once, with both roles', async () => {
    const c = await buildClosedCase(t);
    const { bytes } = await generate(c.caseId, 'closure-report');
    const body = (await wordXmlParts(bytes)).get('word/document.xml')!;
    const rows = body
      .split(/<w:tr[ >]/u)
      .slice(1)
      .map(visibleText);
    // The partner table's rows start with the service; the facts table names it after «Henviser» and «Overtar».
    const partnerRows = rows.filter((r) => r.startsWith('Rus og psykisk helsetjeneste Steigen'));
    expect(partnerRows).toHaveLength(1);
    expect(partnerRows[0]).toContain('Henviser, overtar oppfølging');
  });
});

describe('evaluation form', () => {
  it('is refused for a case not yet in follow-up, in Norwegian, and nothing is logged', async () => {
    const referred = t.ok('cases:create', { municipalityId: 1, referralDate: '2020-03-01' });
    const result = await t.callAsync('documents:generate', { caseId: referred.id, kind: 'evaluation-form' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('bare for saker i oppfølging') } });
    expect(await t.okAsync('documents:list', { caseId: referred.id })).toEqual([]);
  });
});

describe('shipped defaults', () => {
  it.each(TEMPLATE_KINDS)('%s is stored as version 1 from resources/templates on first use', async (kind) => {
    const list = await t.okAsync('templates:list', { kind });
    expect(list).toEqual([expect.objectContaining({ kind, version: 1, isDefault: true, active: true, uploadedByName: null })]);
    const download = await t.okAsync('templates:download', { id: list[0]!.id });
    const shipped = readFileSync(`${TEST_RESOURCES_DIR}/templates/${kind === 'closure-report' ? 'Avslutningsrapport' : 'Evalueringsskjema'}.docx`);
    expect(Buffer.from(download.contentBase64, 'base64').equals(shipped)).toBe(true);
  });
});

describe('a closed case with little recorded', () => {
  it('prints one row saying so instead of an empty table, a sentence for a missing evaluation, and «Ikke registrert» for missing facts', async () => {
    const bare = t.ok('cases:create', { municipalityId: 1, referralDate: '2020-03-01' });
    t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', bare.id), id: bare.id, date: '2020-03-02', assessedById: t.member!.id, done: true });
    t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', bare.id), id: bare.id, startDate: '2020-03-05' });
    t.ok('cases:close', { version: versionOf(t, 'cases', bare.id), id: bare.id, closedDate: '2020-04-01', closureReason: 'annet' });
    const { text } = await generate(bare.id, 'closure-report');
    expect(remainingPlaceholders(text)).toEqual([]);
    for (const expected of [
      'Ingen mål registrert',
      'Ingen timer registrert',
      'Ingen samarbeidspartnere registrert',
      'Ingen vurderinger registrert',
      'Brukeren har ikke levert evalueringsskjema.',
      'Ikke registrert',
      '0 timer',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
