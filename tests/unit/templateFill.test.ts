import { describe, expect, it } from 'vitest';
import { xmlSafe } from '../../electron/services/documents/templateFill';
import { generatedDocumentFileName } from '@shared/domain/documents';

describe('values put into a Word document', () => {
  it('drops only the characters XML cannot hold', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u000ce\u001ff\uFFFEg\uFFFF')).toBe('abcdefg');
    expect(xmlSafe('tab\there\nline\r\nend')).toBe('tab\there\nline\r\nend');
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low, pair 😀')).toBe('lone  high, lone  low, pair 😀');
    expect(xmlSafe('{saksnummer} & <b>')).toBe('{saksnummer} & <b>');
  });
});

describe('generated file names', () => {
  it('name the document and the case, with the slash of the code as a dash', () => {
    expect(generatedDocumentFileName('closure-report', '02/20-ST')).toBe('Avslutningsrapport 02-20-ST.docx');
    expect(generatedDocumentFileName('evaluation-form', '12/21-FA')).toBe('Evalueringsskjema 12-21-FA.docx');
  });
});
