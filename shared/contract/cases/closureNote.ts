import { z } from '../../validation/zodNorwegian';
import { idSchema, versionField } from '../common';
import { mutationChannel } from '../channel';

export const CLOSURE_NOTE_MAX_LENGTH = 500;

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
} as const;
