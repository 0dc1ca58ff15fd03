import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_HEADER, ANNUAL_REPORT_SECTIONS, ANNUAL_REPORT_TEXT_MAX_LENGTH } from '@shared/domain/annualReport';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';
import { buildClosedCase } from '../support/documentCases';
import { logReportYear, readDocx, readXlsx, styledParagraphs, tableAfterTitle } from '../support/annualReportFiles';

let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

/** The founding plan's nine member municipalities, in its order: every municipality table lists them all. */
const MEMBERS = ['Fauske', 'Sørfold', 'Hamarøy', 'Steigen', 'Saltdal', 'Meløy', 'Gildeskål', 'Beiarn', 'Rødøy'];

const NOT_ASSESSED_2020 =
  'Ingen sak avsluttet i 2020 ble vurdert på livsområdene både ved start og ved avslutning eller tremånederskontakt, så det er ingen varig endring å vise.';

const HEADINGS = [
  'Om ettervernsteamet',
  'Saker',
  'Ressursbruk',
  'Samarbeidspartnere og nettverksarbeid',
  'Varig endring',
  'Brukerevalueringer',
  'Avvik og hendelser',
  'Planer for 2021',
];

describe('annual report texts', () => {
  it('lists every section in report order, unwritten until someone writes', async () => {
    const texts = await t.okAsync('annual-report:texts', { year: 2020 });
    expect(texts.sections.map((s) => s.heading)).toEqual(HEADINGS);
    expect(texts.sections.every((s) => s.text === null && s.hint.length > 0)).toBe(true);
  });

  it('saves a text per year and section, shows who wrote it, and an emptied text removes it', async () => {
    const saved = await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: '  Teamet har fire miljøterapeuter.  ', version: 0 });
    expect(saved).toMatchObject({ section: 'team', text: 'Teamet har fire miljøterapeuter.', updatedBy: 'Marit Solvang' });
    expect((await t.okAsync('annual-report:texts', { year: 2021 })).sections[0]!.text).toBeNull();
    const changed = await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: 'Endret.', version: saved.version });
    expect(changed.version).toBe(saved.version + 1);
    expect((await t.okAsync('annual-report:texts', { year: 2020 })).sections[0]!.text).toBe('Endret.');
    expect(await t.okAsync('annual-report:save-text', { year: 2020, section: 'team', text: '   ', version: changed.version })).toMatchObject({
      text: null,
      version: 0,
    });
    expect(t.db.sqlite.prepare('select count(*) as n from annual_report_texts').get()).toEqual({ n: 0 });
  });

  it('refuses an unknown section, an impossible year and a text over the limit, in Norwegian', async () => {
    for (const input of [
      { year: 2020, section: 'ukjent', text: 'x', version: 0 },
      { year: 1999, section: 'team', text: 'x', version: 0 },
      { year: 2020, section: 'team', text: 'x'.repeat(ANNUAL_REPORT_TEXT_MAX_LENGTH + 1), version: 0 },
      { year: 2020, section: 'team', text: 'x', version: -1 },
    ]) {
      const result = await t.dispatcher.dispatchAsync('annual-report:save-text', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('validation');
    }
  });
});

describe('annual report files', () => {
  beforeEach(async () => {
    await logReportYear(t);
    t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2020-03-01' });
  });

  it('writes a Word document with title page, contents, header, page numbers, every chapter, the figures and the charts', async () => {
    await t.okAsync('annual-report:save-text', {
      year: 2020,
      section: 'incidents',
      text: 'Ingen alvorlige hendelser i 2020.\n\nSikkerheten er kartlagt før oppstart.',
      version: 0,
    });
    await t.okAsync('annual-report:save-text', {
      year: 2020,
      section: 'team',
      text: '## Fagutvikling\nTeamet har hatt:\n• kurs i **motiverende intervju**\n– veiledning\n\nMålene for neste år:\n1. Første mål\n2. Andre mål',
      version: 0,
    });
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    expect(files.docx.fileName).toBe('Årsrapport ettervernsteamet 2020.docx');
    expect(files.docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const docx = await readDocx(files.docx);

    // «Planer for 2021» has neither text nor figures, and no evaluation form came back: both are left out.
    const printed = HEADINGS.filter((h) => h !== 'Planer for 2021' && h !== 'Brukerevalueringer');
    // «Slik registrerer vi» is the app's own chapter, after the team's introduction as in 2020.
    expect(styledParagraphs(docx.document, 'Heading1')).toEqual([printed[0], 'Slik registrerer vi', ...printed.slice(1)]);
    // The team's Markdown subset: a real Heading 2, list numbering for pasted and typed bullets, bold runs.
    expect(styledParagraphs(docx.document, 'Heading2')).toEqual(['Fagutvikling', 'Hva tallene betyr', 'Hendelsene']);
    expect(docx.documentXml).not.toContain('• kurs');
    expect(docx.documentXml).not.toContain('– veiledning');
    // The team's four list items, and «Slik registrerer vi»: five measures and the ten categories.
    expect(docx.documentXml.match(/<w:numPr>/gu)).toHaveLength(4 + 5 + 10);
    expect(docx.documentXml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*motiverende intervju/u);
    // The line that introduces a list keeps with it (never last on a page without its list); other paragraphs do not.
    const paragraphWith = (text: string) => docx.documentXml.match(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/gsu)!.find((p) => p.includes(text))!;
    expect(paragraphWith('Teamet har hatt:')).toContain('<w:keepNext/>');
    expect(paragraphWith('Målene for neste år:')).toContain('<w:keepNext/>');
    expect(paragraphWith('Ingen alvorlige hendelser i 2020.')).not.toContain('<w:keepNext/>');
    expect(docx.documentXml).toContain('Årsrapport for interkommunalt ambulerende ettervernsteam 2020');
    // The table of contents is a TOC field over the heading styles, updated when Word opens the file.
    expect(docx.documentXml).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(docx.documentXml).toContain('PAGEREF _Toc1');
    expect(docx.settingsXml).toContain('w:updateFields');
    expect(docx.headers.some((h) => h.includes(ANNUAL_REPORT_HEADER))).toBe(true);
    const footer = docx.footers.find((f) => f.includes('Side'))!;
    expect(footer).toMatch(/PAGE/u);
    expect(footer).toMatch(/NUMPAGES/u);
    expect(footer).toContain(' av ');

    // The team's words print; the hints of unwritten sections never do.
    expect(docx.documentXml).toContain('Ingen alvorlige hendelser i 2020.');
    expect(docx.documentXml).toContain('Sikkerheten er kartlagt før oppstart.');
    for (const section of ANNUAL_REPORT_SECTIONS) expect(docx.documentXml).not.toContain(section.hint);

    // The seed's tables, hours and entries apart, with a «Totalsum»; every member listed, 0 where nothing was logged.
    const zeroRows = (width: number, filled: Record<string, string[]>) => MEMBERS.map((m) => [m, ...(filled[m] ?? Array<string>(width).fill('0'))]);
    expect(tableAfterTitle(docx.document, 'Kjøring 2020')).toEqual([
      ['Kommune', 'Kjøring', 'Totalsum'],
      // The label cell continues down from the first heading row (a vertical merge).
      ['', 'timer', 'registreringer', 'timer', 'registreringer'],
      ...zeroRows(4, { Steigen: ['5', '2', '5', '2'] }),
      ['Totalsum', '5', '2', '5', '2'],
    ]);
    expect(tableAfterTitle(docx.document, 'Brukeroppfølging i institusjon og etter endt opphold i institusjon 2020')).toEqual([
      ['Kommune', 'Institusjon bruker', 'Brukeroppfølging', 'Totalsum'],
      ['', 'timer', 'registreringer', 'timer', 'registreringer', 'timer', 'registreringer'],
      ...zeroRows(6, { Fauske: ['1,5', '1', '5', '2', '6,5', '3'] }),
      ['Totalsum', '1,5', '1', '5', '2', '6,5', '3'],
    ]);
    expect(tableAfterTitle(docx.document, 'Samarbeidspartnere 2020').slice(2)).toEqual([
      ...zeroRows(4, { Meløy: ['1', '1', '1', '1'] }),
      ['Totalsum', '1', '1', '1', '1'],
    ]);
    const perMunicipality = tableAfterTitle(docx.document, 'Ressursbruk per kommune 2020');
    expect(perMunicipality[0]).toEqual(['Kommune', 'Timer', 'Persontimer', 'Registreringer']);
    expect(perMunicipality.at(-1)).toEqual(['Totalsum', '12,5', '12,5', '6']);
    const cases = tableAfterTitle(docx.document, 'Saker per kommune 2020');
    expect(cases.find((r) => r[0] === 'Fauske')!.slice(1, 3)).toEqual(['1', '1']);

    // Charts for hours, follow-up and cases (cost needs a budget), as PNG images of a real size. No lasting
    // change was assessed: one sentence stands in place of two tables of zeros and an empty chart.
    expect(docx.media.length).toBe(3);
    expect(docx.documentXml).toContain(NOT_ASSESSED_2020);
    expect(docx.documentXml).not.toContain('Varig endring fra start til avslutning 2020');
    expect(docx.documentXml).not.toContain('Varig endring fra start til tre måneder etter 2020');
    for (const png of docx.media) {
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(5_000);
    }
  });

  it('explains the categories and measures, lists the network log, and signs off with who, where and when', async () => {
    await t.okAsync('network:create', {
      date: '2020-05-04',
      kind: 'samarbeidsmote',
      municipalityId: municipalityId(t, 'Meløy'),
      note: 'Navn Navnesen var med',
    });
    await t.okAsync('network:create', { date: '2020-02-10', kind: 'informasjonsmote' });
    const docx = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    expect(docx.documentXml).toContain('Persontimer');
    expect(docx.documentXml).toContain('Tid brukt på en bruker før endt opphold i institusjon eller soning.');
    // Oldest first, as a log reads; the free-text note may name people and is never printed.
    expect(tableAfterTitle(docx.document, 'Nettverksarbeid 2020')).toEqual([
      ['Dato', 'Type', 'Kommune', 'Samarbeidspartnere'],
      ['10.02.2020', 'Informasjonsmøte', '', ''],
      ['04.05.2020', 'Samarbeidsmøte', 'Meløy', ''],
    ]);
    expect(docx.documentXml).not.toContain('Navnesen');
    expect(docx.documentXml).toMatch(/Utarbeidet av: <\/w:t>.*Marit Solvang, ettervernsteamet/su);
    expect(docx.documentXml).toContain('Sted: ');
  });

  it('prints the returned evaluation forms per question, hidden («skjult») when fewer than 5 came back', async () => {
    const steigen = municipalityId(t, 'Steigen');
    const register = async (n: number, respekt: number) => {
      const c = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-02-01', code: `${String(n).padStart(2, '0')}/20-ST` });
      await t.okAsync('evaluations:register', { caseCode: c.code, receivedDate: '2020-10-01', consentToContact: true, answers: { respekt } });
    };
    for (const [i, value] of [5, 5, 4, 4].entries()) await register(i + 1, value);
    const few = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    const fewRow = tableAfterTitle(few.document, 'Brukerevalueringer 2020: svar per spørsmål').find((r) => r[0]!.includes('respekt'))!;
    expect(fewRow.slice(1)).toEqual(Array(7).fill('skjult'));
    expect(few.documentXml).toContain('Færre enn 5 skjemaer kom tilbake i 2020.');

    await register(5, 3);
    const enough = await readDocx((await t.okAsync('annual-report:generate', { year: 2020 })).docx);
    const row = tableAfterTitle(enough.document, 'Brukerevalueringer 2020: svar per spørsmål').find((r) => r[0]!.includes('respekt'))!;
    // 5 answered: 1 × 3, 2 × 4 and 2 × 5 are each under 5 (together 5, so no more is hidden); the mean beside
    // them would be a second equation over the hidden counts, so it is withheld.
    expect(row.slice(1)).toEqual(['5', '0', '0', 'skjult', 'skjult', 'skjult', 'skjult']);
    expect(enough.documentXml).toContain('5 skjemaer kom tilbake i 2020.');
  });

  it('writes the spreadsheet: one sheet per table, frozen headings with units, Norwegian number formats', async () => {
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    expect(files.xlsx.fileName).toBe('Årsrapport ettervernsteamet 2020.xlsx');
    const workbook = await readXlsx(files.xlsx);
    const names = workbook.worksheets.map((w) => w.name);
    // In the order of the document: a chapter's landscape tables after its upright ones, the spreadsheet-only
    // table at the end of its chapter.
    expect(names).toEqual([
      'Saker per teammedlem',
      'Saker',
      'Per kommune',
      'Per hendelse',
      'Brukeroppfølging',
      'Kjøring',
      'Kostnad og hjelp',
      'Kommune og hendelse',
      'Samarbeidspartnere',
      // No lasting change was assessed in 2020: a sentence instead of two sheets of zeros.
      'Varig endring',
    ]);
    // Every font names the workbook's font: a bold heading without a name was drawn by LibreOffice in a wider
    // serif that broke «Samarbeidspartnere» mid-word.
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.font) expect(cell.font.name, `${sheet.name} ${cell.address}`).toBe('Calibri');
        }),
      );
    }
    // A heading longer than its column wraps, and its row is tall enough for two lines at least (a row of
    // one line let a wrapped heading run up over the title).
    let wrapped = 0;
    for (const sheet of workbook.worksheets.filter((w) => w.getCell(2, 1).value !== null)) {
      const headings = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
      if (!headings.some((h, i) => h.length > (sheet.getColumn(i + 1).width ?? 12))) continue;
      wrapped++;
      expect(sheet.getRow(2).height, sheet.name).toBeGreaterThanOrEqual(30);
    }
    expect(wrapped).toBeGreaterThan(0);
    const notAssessed = workbook.getWorksheet('Varig endring')!;
    expect(notAssessed.getCell('A1').value).toBe('Varig endring');
    expect(notAssessed.getCell('A3').value).toBe(NOT_ASSESSED_2020);
    expect(notAssessed.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
    const tableSheets = workbook.worksheets.filter((w) => w !== notAssessed);
    for (const sheet of tableSheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    const driving = workbook.getWorksheet('Kjøring')!;
    expect(driving.getCell('A1').value).toBe('Kjøring 2020');
    expect(driving.getRow(2).values).toEqual([
      undefined,
      'Kommune',
      'Kjøring (timer)',
      'Kjøring (registreringer)',
      'Totalsum (timer)',
      'Totalsum (registreringer)',
    ]);
    // Every member in the founding plan's order; Steigen is the fourth.
    expect(driving.getRow(3).values).toEqual([undefined, 'Fauske', 0, 0, 0, 0]);
    expect(driving.getRow(6).values).toEqual([undefined, 'Steigen', 5, 2, 5, 2]);
    expect(driving.getCell('B6').numFmt).toBe('#,##0.0');
    expect(driving.getCell('C6').numFmt).toBe('#,##0');
    expect(driving.getRow(3 + MEMBERS.length).values).toEqual([undefined, 'Totalsum', 5, 2, 5, 2]);
    const share = workbook.getWorksheet('Kostnad og hjelp')!;
    const headers = (share.getRow(2).values as unknown[]).slice(1) as string[];
    expect(headers).toContain('Andel timer (prosent)');
    const hoursShare = share.getRow(3).getCell(headers.indexOf('Andel timer (prosent)') + 1);
    expect(hoursShare.numFmt).toBe('#,##0.0');

    // For print: A4, one page wide, title/header rows and the label column on every page; units once.
    for (const sheet of tableSheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2', printTitlesColumn: 'A:A' });
    }
    const perMunicipality = workbook.getWorksheet('Per kommune')!;
    expect((perMunicipality.getRow(2).values as unknown[]).slice(1)).toEqual(['Kommune', 'Timer', 'Persontimer', 'Registreringer']);
    // The document's note under the table is on the sheet too, under the last row.
    const texts = perMunicipality.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts.some((v) => v.startsWith('Persontimer teller timene'))).toBe(true);
  });

  it('prints the lasting-change tables once a case closed in the year was rated at the start and at closure', async () => {
    await buildClosedCase(t);
    const files = await t.okAsync('annual-report:generate', { year: 2020 });
    const docx = await readDocx(files.docx);
    expect(docx.documentXml).not.toContain(NOT_ASSESSED_2020);
    // One case: the counts are hidden as «færre enn 5», but the tables print instead of the sentence.
    expect(tableAfterTitle(docx.document, 'Varig endring fra start til avslutning 2020')[0]).toEqual([
      'Livsområde',
      'Bedre (saker)',
      'Uendret (saker)',
      'Verre (saker)',
      'Vurdert begge ganger (saker)',
    ]);
    const workbook = await readXlsx(files.xlsx);
    expect(workbook.getWorksheet('Varig endring')).toBeUndefined();
    const change = workbook.getWorksheet('Varig endring avslutning')!;
    expect(change.getColumn(1).values.some((v) => typeof v === 'string' && v.includes('færre enn 5'))).toBe(true);
  });

  it('says so for a year without data, in both files, instead of failing', async () => {
    const files = await t.okAsync('annual-report:generate', { year: 2031 });
    const docx = await readDocx(files.docx);
    expect(docx.documentXml).toContain('Ingen registreringer i 2031.');
    // No figures and no texts: nothing but the title page, the contents and the sentence above.
    expect(styledParagraphs(docx.document, 'Heading1')).toEqual([]);
    expect(docx.media).toEqual([]);
    const workbook = await readXlsx(files.xlsx);
    expect(workbook.worksheets).toHaveLength(1);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Ingen registreringer i 2031.');
  });
});
