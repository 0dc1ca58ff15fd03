/**
 * The documents the team hands out when a case closes, each filled from a .docx template the team can
 * reword in Word. Stored values are ASCII identifiers; labels and file names are what the team reads.
 */
export const TEMPLATE_KINDS = ['closure-report', 'evaluation-form'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABEL: Record<TemplateKind, string> = {
  'closure-report': 'Avslutningsrapport',
  'evaluation-form': 'Evalueringsskjema',
};

/** File names of the shipped defaults in resources/templates, and the stem of every generated file. */
export const TEMPLATE_FILE_STEM: Record<TemplateKind, string> = {
  'closure-report': 'Avslutningsrapport',
  'evaluation-form': 'Evalueringsskjema',
};

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A template larger than this is not an edited letter; refused before it is unpacked. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

/** `Avslutningsrapport 02-20-ST.docx`: the slash of the case code cannot be in a file name. */
export function generatedDocumentFileName(kind: TemplateKind, caseCode: string): string {
  return `${TEMPLATE_FILE_STEM[kind]} ${caseCode.replaceAll('/', '-')}.docx`;
}

/** The header every default template carries. */
export const DOCUMENT_ISSUER = {
  organisation: 'Fauske kommune – Enhet Helse',
  team: 'Interkommunalt ambulerende ettervernsteam',
} as const;
