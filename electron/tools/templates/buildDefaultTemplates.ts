import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import JSZip from 'jszip';
import { DOCUMENT_ISSUER, TEMPLATE_FILE_STEM, TEMPLATE_KIND_LABEL, type TemplateKind } from '@shared/domain/documents';
import { EVALUATION_SCALE, NOT_RELEVANT_LABEL } from '@shared/domain/evaluationForm';
import {
  cell,
  documentStyles,
  factTable,
  grid,
  heading,
  HEADING_FILL,
  LABEL_FILL,
  letterhead,
  pageFooter,
  para,
  signatureLines,
  TABLE_STYLE,
  TABLE_STYLE_XML,
  text,
} from './templateStyle';

/**
 * Builds the shipped default templates (resources/templates/*.docx) with the docx library, so the
 * defaults are reviewable code rather than opaque binaries. Run with `npx tsx
 * electron/tools/templates/buildDefaultTemplates.ts` after changing the layout; a test checks that the
 * committed files have the same content as this script builds.
 */
const EXEMPT = 'Unntatt offentlighet, jf. offl. § 13 og fvl. § 13';
const PAGE_MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 };

/**
 * What File → Properties shows. Generic on purpose: the properties travel with every filled copy and are
 * read by search and mail filters, so they never hold a case code, a name or case text.
 */
interface DocumentProperties {
  title: string;
  subject: string;
}

const PROPERTIES: Record<TemplateKind, DocumentProperties> = {
  'closure-report': { title: 'Avslutningsrapport', subject: 'Avslutningsrapport fra det interkommunale ettervernsteamet til oppdragsgiver' },
  'evaluation-form': { title: 'Evalueringsskjema', subject: 'Brukerens vurdering av hjelpen fra det interkommunale ettervernsteamet' },
};

function document(
  kind: TemplateKind,
  children: (Paragraph | Table)[],
  layout: { header: ReturnType<typeof letterhead>; footer: ReturnType<typeof pageFooter>; fontSize: number; headingSizes: [number, number, number] },
): Document {
  return new Document({
    creator: DOCUMENT_ISSUER.team,
    lastModifiedBy: DOCUMENT_ISSUER.team,
    ...PROPERTIES[kind],
    keywords: TEMPLATE_KIND_LABEL[kind],
    styles: documentStyles(layout.fontSize, layout.headingSizes),
    sections: [{ properties: { page: { margin: PAGE_MARGIN } }, headers: { default: layout.header }, footers: { default: layout.footer }, children }],
  });
}

export function closureReportDocument(): Document {
  const children = [
    heading('Avslutningsrapport', 1),
    para([text('Oppfølging fra det interkommunale ettervernsteamet', { size: 22, color: '404040' })], { spacing: { after: 200 } }),
    factTable([
      ['Sakskode', '{saksnummer}'],
      ['Kommune', '{kommune}'],
      ['Oppdragsgiver', '{oppdragsgiver}'],
      ['Periode', '{periode} ({antall_uker} uker)'],
      ['Henvist', '{henvist_dato}'],
      ['Henviser', '{henviser}'],
      ['Henvisningsgrunn', '{henvisningsgrunn}'],
      ['Institusjonsfase', '{institusjonsfase}'],
      ['Grunn for avslutning', '{avslutningsgrunn}'],
    ]),
    heading('1. Mål og måloppnåelse'),
    para(['Målene ble satt sammen med brukeren ved oppstart.']),
    grid(['Mål', 'Status ved avslutning'], [72, 28], [['{#mål}{mål_tekst}', '{mål_status}{/mål}']]),
    heading('2. Arbeidet som er gjort'),
    para(['Teamet har registrert {timer_totalt} på saken, fordelt på {registreringer_totalt}.']),
    grid(['Hendelse', 'Timer', 'Registreringer'], [50, 25, 25], [['{#timer}{hendelse}', '{hendelse_timer}', '{hendelse_registreringer}{/timer}']]),
    para(['{timer_diagram}'], { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } }),
    heading('Samarbeidspartnere som har vært involvert', 3),
    grid(['Tjeneste', 'Type', 'Rolle i saken'], [46, 27, 27], [['{#samarbeidspartnere}{partner}', '{partner_type}', '{partner_rolle}{/samarbeidspartnere}']]),
    heading('3. Livsområder ved start og ved avslutning'),
    para([
      text('Krevende = trenger mye hjelp nå · Delvis på plass = trenger fortsatt støtte · På plass = fungerer stort sett uten hjelp', {
        size: 18,
        color: '404040',
      }),
    ]),
    grid(['Livsområde', 'Ved start', 'Ved avslutning'], [40, 30, 30], [['{#livsområder}{område}', '{status_start}', '{status_avslutning}{/livsområder}']]),
    heading('4. Teamets vurdering og anbefalinger'),
    para(['{teamets_vurdering}']),
    heading('5. Videre oppfølging'),
    factTable([
      ['Overtar oppfølgingen', '{overtar}'],
      ['Avtalt kontakt etter tre måneder', '{etterkontakt}'],
    ]),
    heading('6. Brukerens egen vurdering'),
    para(['{vurdering_status}']),
    // The table is printed only with the user's consent and answers; without them only the sentence above.
    para(['{#brukerens_svar}']),
    grid(['Spørsmål', 'Svar'], [70, 30], [['{#vurdering}{vurdering_spørsmål}', '{vurdering_svar}{/vurdering}']]),
    para(['{/brukerens_svar}']),
    para([], { spacing: { before: 360 } }),
    para(['Fauske, {dato}'], { spacing: { after: 600 }, keepNext: true }),
    signatureLines(['For ettervernsteamet: {ansvarlige}', 'Mottatt av oppdragsgiver']),
  ];
  return document('closure-report', children, {
    header: letterhead('Sakskode {saksnummer}'),
    footer: pageFooter(`Avslutningsrapport {saksnummer} · ${EXEMPT}`),
    fontSize: 21,
    headingSizes: [40, 26, 22],
  });
}

const BOX = '☐';
const SMALL = 17;

/** Statement rows: number, statement, one box per scale step; `extra` adds «ikke aktuelt». */
function scaleTable(firstHeading: string, loop: { name: string; field: string; numbered: boolean }, notRelevant: boolean): Table {
  const steps = EVALUATION_SCALE.map((s) => s.label);
  const headings = [firstHeading, ...steps, ...(notRelevant ? [NOT_RELEVANT_LABEL] : [])];
  const boxWidth = notRelevant ? 8 : 9;
  const textWidth = 100 - boxWidth * (headings.length - 1);
  const label = loop.numbered ? `{#${loop.name}}{nr}. {${loop.field}}` : `{#${loop.name}}{${loop.field}}`;
  const boxes = headings.slice(1).map((_, i, all) => (i === all.length - 1 ? `${BOX}{/${loop.name}}` : BOX));
  return new Table({
    style: TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headings.map((h, i) =>
          cell(h, { fill: HEADING_FILL, bold: true, width: i === 0 ? textWidth : boxWidth, center: i > 0, size: i === 0 ? SMALL + 2 : 15 }),
        ),
      }),
      new TableRow({
        cantSplit: true,
        children: [cell(label, { width: textWidth, size: SMALL + 2 }), ...boxes.map((b) => cell([text(b, { size: 24 })], { width: boxWidth, center: true }))],
      }),
    ],
  });
}

/**
 * The open questions: the question on the left, two lines to write on to the right, repeated per
 * question. The loop's tags sit in different columns so the library repeats the rows (tags in one
 * column would repeat the column instead).
 */
function writingLines(): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const question = (content: string) =>
    new TableCell({
      width: { size: 32, type: WidthType.PERCENTAGE },
      borders: { top: none, left: none, right: none, bottom: none },
      children: [para([text(content, { bold: true, size: SMALL + 2 })], { spacing: { before: 160, after: 0 } })],
    });
  const writeOn = (content: string) =>
    new TableCell({
      width: { size: 68, type: WidthType.PERCENTAGE },
      borders: { top: none, left: none, right: none, bottom: line },
      children: [para([text(content, { size: SMALL + 2 })], { spacing: { before: 260, after: 0 } })],
    });
  return new Table({
    style: TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({ cantSplit: true, children: [question('{#fritekst}{fritekst_spørsmål}'), writeOn('')] }),
      new TableRow({ cantSplit: true, children: [question(''), writeOn('{/fritekst}')] }),
    ],
  });
}

/** A yes/no choice the user ticks, the statement after the boxes. */
function consentLine(statement: string, before: number): Paragraph {
  return para([text(`${BOX} Ja   ${BOX} Nei   `, { size: 22 }), text(statement, { size: SMALL + 2 })], { spacing: { before, after: 60 } });
}

export function evaluationFormDocument(): Document {
  const children = [
    heading('{tittel}', 1),
    new Table({
      style: TABLE_STYLE,
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: [
            cell([text('Sakskode: ', { bold: true }), text('{saksnummer}')], { fill: LABEL_FILL, width: 50 }),
            cell([text('Utlevert: ', { bold: true }), text('{dato}')], { fill: LABEL_FILL, width: 50 }),
          ],
        }),
      ],
    }),
    para([text('{innledning}', { size: SMALL + 2 })], { spacing: { before: 80, after: 80 } }),
    scaleTable('Hva synes du?', { name: 'utsagn', field: 'utsagn_tekst', numbered: true }, false),
    heading('{domener_overskrift}', 2),
    scaleTable('Livsområde', { name: 'domener', field: 'domene', numbered: false }, true),
    heading('{tjenester_overskrift}', 2),
    scaleTable('Tjeneste', { name: 'tjenester', field: 'tjeneste', numbered: false }, true),
    writingLines(),
    consentLine('{samtykke}', 160),
    consentLine('{samtykke_deling}', 60),
    para([
      text('Lever skjemaet i konvolutten du fikk, eller gi det til kontaktpersonen din i teamet. Takk for at du svarte!', {
        size: SMALL,
        italics: true,
        color: '404040',
      }),
    ]),
  ];
  // The form is the user's own paper, not a case document: no «Unntatt offentlighet» in its footer.
  return document('evaluation-form', children, {
    header: letterhead('Sakskode {saksnummer}', 18),
    footer: pageFooter('Evalueringsskjema {saksnummer}'),
    fontSize: SMALL + 2,
    headingSizes: [32, SMALL + 2, SMALL + 2],
  });
}

export async function buildDefaultTemplate(kind: TemplateKind): Promise<Buffer> {
  const built = await Packer.toBuffer(kind === 'closure-report' ? closureReportDocument() : evaluationFormDocument());
  const zip = await JSZip.loadAsync(built);
  const styles = await zip.file('word/styles.xml')!.async('string');
  zip.file('word/styles.xml', styles.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function defaultTemplatePath(resourcesDir: string, kind: TemplateKind): string {
  return join(resourcesDir, 'templates', `${TEMPLATE_FILE_STEM[kind]}.docx`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const resources = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources');
  for (const kind of ['closure-report', 'evaluation-form'] as const) {
    const path = defaultTemplatePath(resources, kind);
    writeFileSync(path, await buildDefaultTemplate(kind));
    console.log(`Skrev ${path}`);
  }
}
