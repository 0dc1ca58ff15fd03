import { z } from './zodNorwegian';
import { idSchema, isoDateSchema, yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';
import { caseCodeSchema } from './cases';
import type { FileDto } from './timesheetImport';
import { MAX_TEMPLATE_BYTES, TEMPLATE_KINDS, type TemplateKind } from '../domain/documents';
import type { TemplatePlaceholder } from '../domain/templatePlaceholders';
import {
  EVALUATION_SCALE_MAX,
  EVALUATION_SCALE_MIN,
  EVALUATION_SCALE_QUESTIONS,
  EVALUATION_TEXT_MAX,
  EVALUATION_TEXT_QUESTIONS,
  type EvaluationQuestionId,
} from '../domain/evaluationForm';
import type { PublishedCount } from '../domain/smallNumbers';

/** One stored version of a template. The newest version of a kind is the one in use. */
export interface DocumentTemplateDto {
  id: number;
  kind: TemplateKind;
  version: number;
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
  /** Null for the shipped default loaded at start-up. */
  uploadedByName: string | null;
  /** The shipped default (loaded at start or restored), not a file the team uploaded. */
  isDefault: boolean;
  /** The newest version of its kind: the one documents are made from. */
  active: boolean;
}

/** One row of a case's document log. */
export interface GeneratedDocumentDto {
  id: number;
  caseId: number;
  kind: TemplateKind;
  templateVersion: number;
  generatedAt: string;
  generatedByName: string | null;
}

/** A generated document, and the log row it wrote. */
export interface GeneratedFileDto extends FileDto {
  log: GeneratedDocumentDto;
}

/** Scale answers 1–5, null for «ikke aktuelt»/unanswered; text answers as written, null when blank. */
export type EvaluationAnswers = Partial<Record<EvaluationQuestionId, number | string | null>>;

export interface EvaluationResponseDto {
  id: number;
  caseId: number;
  caseCode: string;
  receivedDate: string;
  /** Ticked yes/no for the three-month contact; null when left blank. */
  consentToContact: boolean | null;
  answers: EvaluationAnswers;
  registeredAt: string;
  registeredByName: string | null;
  updatedAt: string;
}

export interface EvaluationQuestionSummaryDto {
  questionId: EvaluationQuestionId;
  text: string;
  /** How many answered (1–5) this question, or «færre enn 5». */
  answered: PublishedCount;
  /** Per scale value 1..5, in order; all suppressed when fewer than 5 answered. */
  distribution: { value: number; label: string; count: PublishedCount }[];
  /** Mean on the 1–5 scale, null when suppressed or nobody answered. */
  mean: number | null;
}

export interface EvaluationSummaryDto {
  year: number;
  /** Returned forms received in the year (skjemaer). */
  responses: PublishedCount;
  /** Yes to the three-month contact (skjemaer). */
  consents: PublishedCount;
  questions: EvaluationQuestionSummaryDto[];
}

export const templateKindSchema = z.enum(TEMPLATE_KINDS);

/** base64 of at most MAX_TEMPLATE_BYTES (4 characters per 3 bytes). */
const templateBase64 = z
  .string()
  .min(1)
  .max(Math.ceil(MAX_TEMPLATE_BYTES / 3) * 4 + 4);

const scaleAnswer = z.number().int().min(EVALUATION_SCALE_MIN).max(EVALUATION_SCALE_MAX).nullable().optional();
const textAnswer = z.string().trim().max(EVALUATION_TEXT_MAX).nullable().optional();

export const evaluationAnswersSchema = z.strictObject({
  ...Object.fromEntries(EVALUATION_SCALE_QUESTIONS.map((q) => [q.id, scaleAnswer])),
  ...Object.fromEntries(EVALUATION_TEXT_QUESTIONS.map((q) => [q.id, textAnswer])),
}) as unknown as z.ZodType<EvaluationAnswers, EvaluationAnswers>;

const evaluationFields = {
  receivedDate: isoDateSchema,
  consentToContact: z.boolean().nullable(),
  answers: evaluationAnswersSchema,
};

export const documentChannels = {
  'templates:list': queryChannel<DocumentTemplateDto[]>()(
    z.strictObject({ kind: templateKindSchema.optional() }),
    'Dokumentmalene med alle versjoner, nyeste først',
  ),
  'templates:placeholders': queryChannel<TemplatePlaceholder[]>()(
    z.strictObject({ kind: templateKindSchema.optional() }),
    'Alle plassholdere en mal kan bruke, med forklaring og eksempel',
  ),
  'templates:download': queryChannel<FileDto>()(z.strictObject({ id: idSchema }), 'Last ned én versjon av en mal (.docx)'),
  'templates:open': mutationChannel<{ opened: true }>()(
    z.strictObject({ id: idSchema }),
    'Åpne en versjon av en mal i Word (kopi i en midlertidig mappe)',
    ['templates'],
  ),
  'templates:replace': mutationChannel<DocumentTemplateDto>()(
    z.strictObject({ kind: templateKindSchema, fileName: z.string().trim().min(1).max(200), contentBase64: templateBase64 }),
    'Erstatt malen med en redigert .docx (kontrolleres før den tas i bruk)',
    ['templates'],
  ),
  'templates:restore-default': mutationChannel<DocumentTemplateDto>()(
    z.strictObject({ kind: templateKindSchema }),
    'Ta standardmalen i bruk igjen (som ny versjon)',
    ['templates'],
  ),
  'documents:list': queryChannel<GeneratedDocumentDto[]>()(z.strictObject({ caseId: idSchema }), 'Dokumentloggen for en sak, nyeste først'),
  'documents:generate': mutationChannel<GeneratedFileDto>()(
    z.strictObject({ caseId: idSchema, kind: templateKindSchema }),
    'Lag avslutningsrapport eller evalueringsskjema for en sak fra gjeldende mal og data',
    ['documents'],
  ),
  'documents:regenerate': mutationChannel<GeneratedFileDto>()(
    z.strictObject({ id: idSchema }),
    'Lag et dokument i loggen på nytt, med dagens mal og data',
    ['documents'],
  ),
  'evaluations:list': queryChannel<EvaluationResponseDto[]>()(
    z.strictObject({ caseId: idSchema.optional(), year: yearSchema.optional() }),
    'Registrerte evalueringsskjemaer, nyeste først',
  ),
  'evaluations:register': mutationChannel<EvaluationResponseDto>()(
    z.strictObject({ caseCode: caseCodeSchema, ...evaluationFields }),
    'Registrer et innlevert evalueringsskjema på saksnummeret',
    ['evaluations', 'documents', 'statistics'],
  ),
  'evaluations:update': mutationChannel<EvaluationResponseDto>()(
    z.strictObject({ id: idSchema, ...evaluationFields }),
    'Rett et registrert evalueringsskjema',
    ['evaluations', 'documents', 'statistics'],
  ),
  'evaluations:delete': mutationChannel<{ id: number }>()(z.strictObject({ id: idSchema }), 'Slett et registrert evalueringsskjema', [
    'evaluations',
    'documents',
    'statistics',
  ]),
  'evaluations:summary': queryChannel<EvaluationSummaryDto>()(
    z.strictObject({ year: yearSchema }),
    'Svarfordeling og snitt per spørsmål for et år (ingenting fra færre enn 5 svar)',
  ),
} as const;
