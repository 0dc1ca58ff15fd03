import { z } from '../../validation/zodNorwegian';
import { idSchema, versionField } from '../common';
import { mutationChannel } from '../channel';

export const CLOSURE_NOTE_MAX_LENGTH = 500;
/** Why the case was referred: a line or two for the closure report (the database holds at most this). */
export const REFERRAL_REASON_MAX_LENGTH = 300;
/** The team's assessment and recommendations: about half a page in the closure report. */
export const TEAM_ASSESSMENT_MAX_LENGTH = 2000;

/** What `cases:set-texts` answers: the case's short free texts for the closure report, and the new version. */
export interface CaseTextsDto {
  id: number;
  referralReason: string | null;
  teamAssessment: string | null;
  version: number;
}

/** Shown beside every free-text field about a case. */
export const FREE_TEXT_REMINDER = 'Ikke skriv navn, fødselsnummer eller helseopplysninger her – de hører hjemme i journalen.';

export const caseNoteChannels = {
  'cases:set-closure-note': mutationChannel<{ id: number; closureNote: string | null; version: number }>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      closureNote: z.string().trim().max(CLOSURE_NOTE_MAX_LENGTH).nullable(),
    }),
    'Kort avslutningsnotat på en sak (fjernes ved oppbevaringsregelen)',
    ['cases', 'audit_log'],
  ),
  /** A field left out is left as it is, so the referral and closure sections can each save their own. */
  'cases:set-texts': mutationChannel<CaseTextsDto>()(
    z.strictObject({
      id: idSchema,
      ...versionField,
      referralReason: z.string().trim().max(REFERRAL_REASON_MAX_LENGTH).nullable().optional(),
      teamAssessment: z.string().trim().max(TEAM_ASSESSMENT_MAX_LENGTH).nullable().optional(),
    }),
    'Henvisningsgrunn og teamets vurdering og anbefalinger på en sak, til avslutningsrapporten (fjernes ved oppbevaringsregelen)',
    ['cases', 'audit_log'],
  ),
} as const;
