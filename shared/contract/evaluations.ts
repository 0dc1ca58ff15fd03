import { z } from '../validation/zodNorwegian';
import { idSchema, isoDateSchema, versionedIdInput, versionField, yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';
import { caseCodeSchema } from './cases/cases';
import {
  EVALUATION_SCALE_MAX,
  EVALUATION_SCALE_MIN,
  EVALUATION_SCALE_QUESTIONS,
  EVALUATION_TEXT_MAX,
  EVALUATION_TEXT_QUESTIONS,
  type EvaluationQuestionId,
} from '../domain/evaluationForm';
import type { PublishedCount } from '../domain/disclosureControl';

/** Scale answers 1–5, null for «ikke aktuelt»/unanswered; text answers as written, null when blank. */
export type EvaluationAnswers = Partial<Record<EvaluationQuestionId, number | string | null>>;

export interface EvaluationResponseDto {
  id: number;
  caseId: number;
  caseCode: string;
  receivedDate: string;
  /** Ticked yes/no for the three-month contact; null when left blank. */
  consentToContact: boolean | null;
  /**
   * Ticked yes/no to «Jeg samtykker i at svarene deles med kommunen» (migration 0014); null when left
   * blank. Only a yes lets the closure report to the municipality print the answers.
   */
  consentToShare: boolean | null;
  answers: EvaluationAnswers;
  registeredAt: string;
  registeredByName: string | null;
  updatedAt: string;
  /** Sent back with a correction or delete (migration 0013). */
  version: number;
}

export interface EvaluationQuestionSummaryDto {
  questionId: EvaluationQuestionId;
  text: string;
  /** How many answered (1–5) this question, or hidden under the disclosure-control rule. */
  answered: PublishedCount;
  /** Per scale value 1..5, in order, through the disclosure-control rule. */
  distribution: { value: number; label: string; count: PublishedCount }[];
  /** Mean on the 1–5 scale; hidden when built from fewer than 5 or beside a hidden count; null when nobody answered. */
  mean: PublishedCount | null;
}

export interface EvaluationSummaryDto {
  year: number;
  /** Returned forms received in the year (skjemaer). */
  responses: PublishedCount;
  /** Yes to the three-month contact (skjemaer). */
  consents: PublishedCount;
  questions: EvaluationQuestionSummaryDto[];
}

const scaleAnswer = z.number().int().min(EVALUATION_SCALE_MIN).max(EVALUATION_SCALE_MAX).nullable().optional();
const textAnswer = z.string().trim().max(EVALUATION_TEXT_MAX).nullable().optional();

export const evaluationAnswersSchema = z.strictObject({
  ...Object.fromEntries(EVALUATION_SCALE_QUESTIONS.map((q) => [q.id, scaleAnswer])),
  ...Object.fromEntries(EVALUATION_TEXT_QUESTIONS.map((q) => [q.id, textAnswer])),
}) as unknown as z.ZodType<EvaluationAnswers, EvaluationAnswers>;

const evaluationFields = {
  receivedDate: isoDateSchema,
  consentToContact: z.boolean().nullable(),
  /** Left out: not ticked on a new form, unchanged on a correction. */
  consentToShare: z.boolean().nullable().optional(),
  answers: evaluationAnswersSchema,
};

const evaluationTables = ['evaluation_responses', 'evaluation_answers'] as const;
const changesEvaluations = [...evaluationTables, 'audit_log'] as const;

export const evaluationChannels = {
  'evaluations:list': queryChannel<EvaluationResponseDto[]>()(
    z.strictObject({ caseId: idSchema.optional(), year: yearSchema.optional() }),
    'Registrerte evalueringsskjemaer, nyeste først',
    // The case code, and who registered each form.
    [...evaluationTables, 'cases', 'team_members'],
  ),
  'evaluations:register': mutationChannel<EvaluationResponseDto, 'caseId'>()(
    z.strictObject({ caseCode: caseCodeSchema, ...evaluationFields }),
    'Registrer et innlevert evalueringsskjema på sakskoden',
    changesEvaluations,
  ),
  'evaluations:update': mutationChannel<EvaluationResponseDto>()(
    z.strictObject({ id: idSchema, ...versionField, ...evaluationFields }),
    'Rett et registrert evalueringsskjema',
    changesEvaluations,
  ),
  'evaluations:delete': mutationChannel<{ id: number }>()(versionedIdInput, 'Slett et registrert evalueringsskjema', changesEvaluations),
  'evaluations:summary': queryChannel<EvaluationSummaryDto>()(
    z.strictObject({ year: yearSchema }),
    'Svarfordeling og snitt per spørsmål for et år (ingenting fra færre enn 5 svar)',
    evaluationTables,
  ),
} as const;
