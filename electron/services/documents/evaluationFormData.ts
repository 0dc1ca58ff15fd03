import type { CaseDetailDto } from '@shared/contract';
import { formatNorwegianDate } from '@shared/format';
import {
  EVALUATION_CONSENT_TEXT,
  EVALUATION_GROUPS,
  EVALUATION_INTRO,
  EVALUATION_SCALE_QUESTIONS,
  EVALUATION_SHARE_CONSENT_TEXT,
  EVALUATION_TEXT_QUESTIONS,
  EVALUATION_TITLE,
} from '@shared/domain/evaluationForm';
import type { CaseStatus } from '@shared/domain/caseStatus';
import { ServiceError } from '../errors/serviceError';
import type { FillData } from './templateFill';

/**
 * The evaluation form's placeholders: the questions come from the form definition, so the printed form
 * and the registration screen always ask the same things in the same order. Only the case code identifies
 * the form; no name is printed.
 */
/** The form asks about help the user has had: only a case in follow-up or closed has had it. */
const EVALUATION_FORM_STATUSES: readonly CaseStatus[] = ['oppfolging', 'avsluttet', 'etteroppfolging_utfort'];

export function evaluationFormData(detail: Pick<CaseDetailDto, 'code' | 'status' | 'closedDate'>, today: string): FillData {
  if (!EVALUATION_FORM_STATUSES.includes(detail.status) && !(detail.status === 'importert' && detail.closedDate)) {
    throw new ServiceError('conflict', `Evalueringsskjema lages bare for saker i oppfølging eller avsluttede saker (${detail.code})`);
  }
  const inGroup = (group: string | undefined) => EVALUATION_SCALE_QUESTIONS.filter((q) => ('group' in q ? q.group : undefined) === group);
  return {
    saksnummer: detail.code,
    dato: formatNorwegianDate(today),
    tittel: EVALUATION_TITLE,
    innledning: EVALUATION_INTRO,
    utsagn: inGroup(undefined).map((q, i) => ({ nr: String(i + 1), utsagn_tekst: q.text })),
    domener_overskrift: EVALUATION_GROUPS.domener,
    domener: inGroup('domener').map((q) => ({ domene: q.text })),
    tjenester_overskrift: EVALUATION_GROUPS.tjenester,
    tjenester: inGroup('tjenester').map((q) => ({ tjeneste: q.text })),
    fritekst: EVALUATION_TEXT_QUESTIONS.map((q) => ({ fritekst_spørsmål: q.text })),
    samtykke: EVALUATION_CONSENT_TEXT,
    samtykke_deling: EVALUATION_SHARE_CONSENT_TEXT,
  };
}
