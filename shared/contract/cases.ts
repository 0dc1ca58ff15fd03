import { z } from './zodNorwegian';
import { idSchema, isoDateSchema, yearSchema } from './common';
import { mutationChannel, queryChannel } from './channel';
import { CASE_STATUSES, type CaseStatus } from '../domain/caseStatus';
import { isCaseCode } from '../caseCode';

export interface CaseDto {
  id: number;
  code: string;
  municipalityId: number;
  municipalityName: string;
  year: number;
  runningNumber: number;
  status: CaseStatus;
  referralDate: string | null;
  startDate: string | null;
  closedDate: string | null;
  staff: { id: number; initials: string; displayName: string }[];
  /** Minutes logged on the case, all categories. */
  minutes: number;
}

export interface CaseDetailDto extends CaseDto {
  minutesByCategory: { categoryId: number; categoryName: string; minutes: number; entries: number }[];
}

const caseCodeSchema = z
  .string()
  .trim()
  .max(12)
  .refine(isCaseCode, { message: 'Saksnummer må ha formen NN/ÅÅ-XX, for eksempel 02/20-ST' });

export const createCaseInput = z.strictObject({
  municipalityId: idSchema,
  referralDate: isoDateSchema,
  staffIds: z.array(idSchema).max(6).optional(),
  /** Set only when the team corrects the generated code by hand. */
  code: caseCodeSchema.optional(),
});

export const caseChannels = {
  'cases:next-code': queryChannel<{ code: string }>()(
    z.strictObject({ municipalityId: idSchema, referralDate: isoDateSchema }),
    'Neste ledige saksnummer for kommune og år',
  ),
  'cases:create': mutationChannel<CaseDto>()(createCaseInput, 'Registrer en ny sak', ['cases', 'statistics']),
  'cases:list': queryChannel<CaseDto[]>()(
    z.strictObject({
      status: z.enum(CASE_STATUSES).optional(),
      municipalityId: idSchema.optional(),
      year: yearSchema.optional(),
      search: z.string().max(20).optional(),
    }),
    'Saker, nyeste først',
  ),
  'cases:get': queryChannel<CaseDetailDto>()(z.strictObject({ id: idSchema }), 'Én sak med timer per hendelse'),
} as const;
