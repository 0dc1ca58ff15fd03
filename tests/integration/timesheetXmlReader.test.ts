import { beforeEach, describe, expect, it } from 'vitest';
import type { CellContext } from '../../electron/services/timesheet/cellValues';
import { saxesReader } from '../../electron/services/timesheet/saxesReader';
import { scannerReader } from '../../electron/services/timesheet/scannerReader';
import type { RawCell } from '../../electron/services/timesheet/types';
import type { WorkbookXmlReader } from '../../electron/services/timesheet/xmlReader';

const xml = (text: string) => Buffer.from(text, 'utf8');

let reader: WorkbookXmlReader;
/** A column without a value (a hole in the row's array). */
const u = undefined;

function rows(sheetXml: string, ctx: Partial<CellContext> = {}): [number, RawCell[]][] {
  const found: [number, RawCell[]][] = [];
  const full: CellContext = { sharedStrings: ['delt', 'Ø'], dateStyles: [false, true], date1904: false, maxChars: 10, ...ctx };
  reader.forEachSheetRow(xml(sheetXml), full, (n, values) => found.push([n, [...values]]));
  return found;
}

// The hand-written scanner the import uses and saxes, the maintained parser measured against it (importReaders.ts).
describe.each([
  ['scanner', scannerReader],
  ['saxes', saxesReader],
])('the workbook XML reader: %s', (name, candidate) => {
  beforeEach(() => {
    reader = candidate;
  });

  it('reads every kind of cell: shared, inline (phonetic runs left out), formula result, boolean, error, date style; none past column XFD', () => {
    const sheet = `<?xml version="1.0"?><worksheet><sheetData>
      <row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="inlineStr"><is><r><t>Ki&amp;</t></r><r><t xml:space="preserve">ø </t></r><rPh><t>x</t></rPh></is></c>
        <c t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="F3" t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>
      <row><c r="A4" s="1"><v>43866.5</v></c><c s="0"><v>1.5</v></c><c r="D4" t="d"><v>2020-02-03T00:00:00Z</v></c><c r="ZZZZ4"><v>9</v></c><c><v>8</v></c></row>
    </sheetData></worksheet>`;
    expect(rows(sheet)).toEqual([
      [3, [u, u, 'Ø', 'Ki&ø ', 'a<b', u, true, { error: '#DIV/0!' }]],
      [4, [u, { date: '2020-02-05' }, 1.5, u, { date: '2020-02-03' }]],
    ]);
  });

  it('counts 1904 dates from 1904 and knows date formats, built-in and custom', () => {
    expect(reader.uses1904(xml('<workbook><workbookPr date1904="1"/></workbook>'))).toBe(true);
    expect(reader.uses1904(xml('<workbook><workbookPr/></workbook>'))).toBe(false);
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot;t&quot;"/></numFmts>
      <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    expect(reader.dateStyles(xml(styles))).toEqual([false, true, true, false]);
    expect(rows('<worksheet><sheetData><row><c s="1"><v>0</v></c></row></sheetData></worksheet>', { date1904: true })).toEqual([
      [1, [u, { date: '1904-01-01' }]],
    ]);
  });

  it('finds the sheets through the relationships, in workbook order, and leaves external targets out', () => {
    const rels = `<Relationships><Relationship Id="r2" Type="http://x/worksheet" Target="worksheets/sheet2.xml"/>
      <Relationship Id="r1" Type="http://x/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="r3" Type="http://x/worksheet" Target="http://a" TargetMode="External"/></Relationships>`;
    const workbook = `<workbook xmlns:r="urn:r"><sheets><sheet name="Vår" r:id="r2"/><sheet name="Høst" r:id="r1"/><sheet name="Ute" r:id="r3"/></sheets></workbook>`;
    expect(reader.sheetParts(xml(workbook), xml(rels))).toEqual([
      { name: 'Vår', path: 'xl/worksheets/sheet2.xml' },
      { name: 'Høst', path: 'xl/worksheets/sheet1.xml' },
    ]);
  });

  it('reads shared strings run by run, cut short, phonetic runs left out', () => {
    const strings = `<sst><si><t>Kjøring</t></si><si><r><t>Bruker</t></r><r><t>oppfølging</t></r><rPh><t>x</t></rPh></si><si><t/></si></sst>`;
    expect(reader.sharedStrings(xml(strings), 12)).toEqual(['Kjøring', 'Brukeroppføl', '']);
  });
});

/** Where the two differ, and why the difference is safe. */
describe('what only saxes does', () => {
  beforeEach(() => {
    reader = saxesReader;
  });

  it('reads SpreadsheetML written with a namespace prefix, and cuts long texts while reading', () => {
    const sheet = `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>${'å'.repeat(50)}</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(rows(sheet)).toEqual([[2, [u, 'å'.repeat(10)]]]);
  });

  it('refuses malformed XML and entities a DTD would define, instead of expanding them', () => {
    expect(() => rows('<worksheet><sheetData><row></sheetData></worksheet>')).toThrow();
    const bomb =
      '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="str"><v>&b;</v></c></row></sheetData></worksheet>';
    expect(() => rows(bomb)).toThrow();
  });
});

describe('what the scanner does instead', () => {
  beforeEach(() => {
    reader = scannerReader;
  });

  it('leaves an entity a DTD would define as plain text, never expanding it', () => {
    const bomb = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData><row><c t="str"><v>&a;&a;</v></c></row></sheetData></worksheet>';
    expect(rows(bomb)).toEqual([[1, [u, '&a;&a;']]]);
  });
});
