import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { TemplateKind } from '@shared/domain/documents';
import { EVALUATION_SHARE_CONSENT_TEXT } from '@shared/domain/evaluationForm';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { buildClosedCase, generateDocx } from '../support/documentCases';
import { remainingPlaceholders } from '../support/docxFiles';

/**
 * Issue 15, closure report: the team's own words, the user's answers only with consent, no empty answer
 * table, named styles for Word's navigation pane, and document properties without personal data.
 */
let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2020-06-20T10:00:00.000Z' });
});
afterEach(() => t.close());

const ANSWERS = { respekt: 5, hjelp_nav: 4, fungerte: 'At de kom hjem til meg' };
const document = (parts: Map<string, string>) => parts.get('word/document.xml')!;
/** Tables in the body whose text contains `marker`. */
const tablesWith = (xml: string, marker: string) => (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).filter((tbl) => tbl.includes(marker));

async function reportWith(consentToShare: boolean | null | undefined, answers: Record<string, number | string> = ANSWERS) {
  const c = await buildClosedCase(t);
  await t.okAsync('evaluations:register', { caseCode: c.code, receivedDate: '2020-06-18', consentToContact: true, consentToShare, answers });
  return generateDocx(t, c.caseId, 'closure-report');
}

describe('the closure report', () => {
  it('prints the referral reason and the team’s assessment, line breaks kept', async () => {
    const c = await buildClosedCase(t);
    const { text, parts } = await generateDocx(t, c.caseId, 'closure-report');
    expect(remainingPlaceholders(text)).toEqual([]);
    expect(text).toContain('HenvisningsgrunnTrenger hjelp med bolig og økonomi etter behandling');
    expect(text).toContain('4. Teamets vurdering og anbefalinger');
    expect(text).toContain('Brukeren bor nå stabilt og har fast aktivitet.');
    expect(document(parts)).toContain('har fast aktivitet.</w:t><w:br/>');
  });

  it('prints the user’s answers when the user agreed to share them', async () => {
    const { text, parts } = await reportWith(true);
    expect(text).toContain('Brukeren har samtykket i at svarene deles med kommunen');
    const answerTables = tablesWith(document(parts), 'Jeg ble møtt med respekt.');
    expect(answerTables).toHaveLength(1);
    expect(answerTables[0]).toContain('At de kom hjem til meg');
    expect(answerTables[0]).toContain('Hjelp med: NAV');
    // Only answered questions: no rows of «Ikke aktuelt» for what the user left blank.
    expect(answerTables[0]).not.toContain('Hva bør vi gjøre annerledes?');
  });

  it.each([
    [false, 'Brukeren har svart nei til at svarene deles med kommunen, så svarene er ikke tatt med i rapporten.'],
    [null, 'Brukeren har ikke samtykket i at svarene deles med kommunen, så svarene er ikke tatt med i rapporten.'],
    [undefined, 'Brukeren har ikke samtykket i at svarene deles med kommunen, så svarene er ikke tatt med i rapporten.'],
  ])('leaves the answers out, with a sentence, when consent to share is %s', async (consent, sentence) => {
    const { text, parts } = await reportWith(consent);
    expect(text).toContain(`Evalueringsskjema mottatt 18.06.2020. ${sentence}`);
    expect(text).not.toContain('At de kom hjem til meg');
    expect(text).not.toContain('Helt enig');
    expect(tablesWith(document(parts), 'Spørsmål')).toEqual([]);
  });

  it('has no answer table, only a sentence, without a form or with a form without answers', async () => {
    const c = await buildClosedCase(t);
    const none = await generateDocx(t, c.caseId, 'closure-report');
    expect(none.text).toContain('Brukeren har ikke levert evalueringsskjema.');
    expect(tablesWith(document(none.parts), 'Spørsmål')).toEqual([]);
    expect(none.text).not.toContain('Ingen svar registrert');
    await t.okAsync('evaluations:register', { caseCode: c.code, receivedDate: '2020-06-18', consentToContact: null, consentToShare: true, answers: {} });
    const empty = await generateDocx(t, c.caseId, 'closure-report');
    expect(empty.text).toContain('Evalueringsskjema mottatt 18.06.2020. Brukeren svarte ikke på spørsmålene.');
    expect(tablesWith(document(empty.parts), 'Spørsmål')).toEqual([]);
    // The wrapper's own tags leave no empty paragraph behind either.
    expect(empty.text).not.toContain('brukerens_svar');
  });
});

describe.each<[TemplateKind, string]>([
  ['closure-report', 'Avslutningsrapport'],
  ['evaluation-form', 'Evalueringsskjema'],
])('the %s as generated', (kind, title) => {
  it('uses Heading 1 and 2, Normal and a table style, so Word’s navigation pane lists the sections', async () => {
    const c = await buildClosedCase(t);
    const { parts } = await generateDocx(t, c.caseId, kind);
    const styles = parts.get('word/styles.xml')!;
    for (const [id, name] of [
      ['Normal', 'Normal'],
      ['Heading1', 'heading 1'],
      ['Heading2', 'heading 2'],
      ['TableGrid', 'Table Grid'],
    ]) {
      expect(styles, id).toMatch(new RegExp(`w:styleId="${id}"[^>]*>(<w:name w:val="${name}"/>)`, 'i'));
    }
    const body = document(parts);
    expect(body.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
    expect((body.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const tables = body.match(/<w:tblPr>[\s\S]*?<\/w:tblPr>/g) ?? [];
    expect(tables.length).toBeGreaterThan(2);
    for (const tblPr of tables) expect(tblPr).toContain('<w:tblStyle w:val="TableGrid"/>');
  });

  it('has a real title and subject, and no case code, name or case text in its properties', async () => {
    const c = await buildClosedCase(t);
    const { bytes } = await generateDocx(t, c.caseId, kind);
    const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:title>${title}</dc:title>`);
    expect(core).toMatch(/<dc:subject>[^<]*ettervernsteamet[^<]*<\/dc:subject>/);
    for (const personal of [c.code, 'Marit Solvang', 'Ola Berg', 'Nordlandsklinikken', 'stabilt', 'Mal<', 'Un-named']) expect(core).not.toContain(personal);
  });
});

describe('the evaluation form as generated', () => {
  it('tells the user the answers reach the municipality only with a yes, and has no «Unntatt offentlighet» footer', async () => {
    const c = await buildClosedCase(t);
    const { text, parts } = await generateDocx(t, c.caseId, 'evaluation-form');
    expect(text).toContain('Kommunen får dem bare hvis du krysser «Ja» nederst på skjemaet.');
    expect(text).toContain(`☐ Ja   ☐ Nei   ${EVALUATION_SHARE_CONSENT_TEXT}`);
    const footers = [...parts].filter(([name]) => name.startsWith('word/footer')).map(([, xml]) => xml);
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(footer).not.toMatch(/Unntatt offentlighet|offl\./);
  });
});
