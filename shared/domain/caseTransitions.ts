import type { CaseStatus } from './caseStatus';

/** The steps of a case's life, named after the `cases:` channels that take them. */
export const LIFECYCLE_STEPS = ['reject', 'enter-institution', 'update-institution', 'start-follow-up', 'close', 'record-after-contact', 'reopen'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

/**
 * The case lifecycle, once, for the screen (which steps to offer) and the services (which to accept):
 * for each status, the steps it allows and the status each leads to. henvist → (avvist |
 * institusjonsfase →) oppfølging → avsluttet → etteroppfølging utført, and back to oppfølging when a
 * closed case is reopened. An imported case (from the old time sheet, its history unknown) can only be
 * closed. Correcting the institution's details keeps the status; it needs an institution phase to have
 * begun. Conditions beyond the status (a risk assessment before follow-up, dates in order) are the
 * services' to check.
 */
export const CASE_TRANSITIONS: { readonly [S in CaseStatus]: { readonly [T in LifecycleStep]?: CaseStatus } } = {
  henvist: { reject: 'avvist', 'enter-institution': 'institusjonsfase', 'start-follow-up': 'oppfolging' },
  avvist: {},
  institusjonsfase: { 'update-institution': 'institusjonsfase', 'start-follow-up': 'oppfolging' },
  oppfolging: { 'update-institution': 'oppfolging', close: 'avsluttet' },
  avsluttet: { 'update-institution': 'avsluttet', 'record-after-contact': 'etteroppfolging_utfort', reopen: 'oppfolging' },
  etteroppfolging_utfort: { 'update-institution': 'etteroppfolging_utfort', reopen: 'oppfolging' },
  importert: { close: 'avsluttet' },
};

/** Why a step is refused from a status the table does not allow it from. */
export const STEP_REFUSAL: Record<LifecycleStep, string> = {
  reject: 'Bare en henvisning som venter kan avvises.',
  'enter-institution': 'Institusjonsfasen kan bare starte fra en henvisning.',
  'update-institution': 'Saken har ingen institusjonsfase.',
  'start-follow-up': 'Oppfølgingen kan bare starte fra en henvisning eller institusjonsfasen.',
  close: 'Bare en sak i oppfølging kan avsluttes.',
  'record-after-contact': 'Etteroppfølgingen registreres på en avsluttet sak.',
  reopen: 'Bare en avsluttet sak kan gjenåpnes.',
};

/** The status `step` leads to from `status`, or null when the step is not allowed from it. */
export function statusAfter(status: CaseStatus, step: LifecycleStep): CaseStatus | null {
  return CASE_TRANSITIONS[status][step] ?? null;
}
