import type { CaseDetailDto, EvaluationResponseDto } from '@shared/contract';
import { hoursByCategoryChart } from '@shared/charts/hoursByCategory';
import { formatCount } from '@shared/count';
import { formatHoursWithUnit, formatInteger, formatNorwegianDate } from '@shared/format';
import {
  CASE_CONTACT_ROLE_LABEL,
  CLOSURE_REASON_LABEL,
  CONTACT_KIND_LABEL,
  INSTITUTION_KIND_LABEL,
  GOAL_STATUS_LABEL,
  RATING_LEVEL_LABEL,
  type CaseContactRole,
} from '@shared/domain/caseLife';
import { EVALUATION_QUESTIONS, EVALUATION_SCALE, NOT_RELEVANT_LABEL } from '@shared/domain/evaluationForm';
import { renderChartPng } from '../charts/renderChart';
import { ServiceError } from '../errors/serviceError';
import type { FillData, FillRow } from './templateFill';

/** Printed where the case has nothing recorded, so a blank is never mistaken for a lost value. */
export const NOT_RECORDED = 'Ikke registrert';

/** A table with only its heading row looks broken on paper: an empty list prints one row saying so. */
function orNone(rows: FillRow[], fields: string[], message: string): FillRow[] {
  return rows.length > 0 ? rows : [Object.fromEntries(fields.map((f, i) => [f, i === 0 ? message : '–']))];
}

function date(value: string | null | undefined): string {
  return value ? formatNorwegianDate(value) : NOT_RECORDED;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function contactsWithRole(detail: CaseDetailDto, role: CaseContactRole): string[] {
  return detail.contacts.filter((c) => c.role === role).map((c) => (c.personName ? `${c.contactName} (${c.personName})` : c.contactName));
}

/** The data a closure report cannot be written without; the refusal names what is missing. */
export function requireClosureData(detail: CaseDetailDto, reduced: boolean): asserts detail is CaseDetailDto & { closedDate: string } {
  if (reduced) throw new ServiceError('conflict', `Saken ${detail.code} er redusert til statistikk og har ikke lenger data til en avslutningsrapport`);
  if (!detail.closedDate) {
    throw new ServiceError('validation', `Saken ${detail.code} mangler avslutningsdato – avslutt saken før avslutningsrapporten lages`, {
      caseId: 'Saken mangler avslutningsdato',
    });
  }
}

function institutionPhase(detail: CaseDetailDto): string {
  const i = detail.institution;
  if (!i) return 'Ingen institusjonsfase registrert';
  const parts = [i.name ? `${INSTITUTION_KIND_LABEL[i.kind]} (${i.name})` : INSTITUTION_KIND_LABEL[i.kind]];
  if (i.from) parts.push(`fra ${formatNorwegianDate(i.from)}`);
  const discharge = i.dischargeDate ?? detail.dischargeDate;
  if (discharge) parts.push(`utskrevet ${formatNorwegianDate(discharge)}`);
  else if (i.expectedDischargeDate) parts.push(`forventet utskrevet ${formatNorwegianDate(i.expectedDischargeDate)}`);
  return parts.join(', ');
}

function lifeDomainRows(detail: CaseDetailDto): FillRow[] {
  const domains = new Map<number, { name: string; start?: string; end?: string }>();
  for (const r of detail.ratings) {
    const entry = domains.get(r.domainId) ?? { name: r.domainName };
    if (r.occasion === 'start') entry.start = RATING_LEVEL_LABEL[r.level];
    if (r.occasion === 'avslutning') entry.end = RATING_LEVEL_LABEL[r.level];
    domains.set(r.domainId, entry);
  }
  return [...domains.values()]
    .filter((d) => d.start || d.end)
    .map((d) => ({ område: d.name, status_start: d.start ?? NOT_RECORDED, status_avslutning: d.end ?? NOT_RECORDED }));
}

/**
 * One row per partner service: a service that both referred and takes over is one partner with two
 * roles («Henviser, overtar»), not two lines with the same name.
 */
function partnerRows(detail: CaseDetailDto): FillRow[] {
  const partners = new Map<string, { type: string; roles: string[] }>();
  for (const c of detail.contacts) {
    const name = c.personName ? `${c.contactName} (${c.personName})` : c.contactName;
    const entry = partners.get(name) ?? { type: CONTACT_KIND_LABEL[c.contactKind], roles: [] };
    const role = CASE_CONTACT_ROLE_LABEL[c.role];
    if (!entry.roles.includes(role)) entry.roles.push(role);
    partners.set(name, entry);
  }
  return [...partners].map(([name, p]) => ({
    partner: name,
    partner_type: p.type,
    partner_rolle: p.roles.map((r, i) => (i === 0 ? r : r.toLowerCase())).join(', '),
  }));
}

function answerText(question: (typeof EVALUATION_QUESTIONS)[number], value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return question.kind === 'scale' ? NOT_RELEVANT_LABEL : 'Ikke besvart';
  if (question.kind === 'text') return String(value);
  return EVALUATION_SCALE.find((s) => s.value === value)?.label ?? String(value);
}

type AssessmentData = Pick<FillData, 'vurdering_status' | 'vurdering' | 'brukerens_svar'>;

/** No table at all, only the sentence: an answer table holding «Ingen svar» reads as a broken document. */
function withoutAnswers(status: string): AssessmentData {
  return { vurdering_status: status, vurdering: [], brukerens_svar: [] };
}

/**
 * The user's own answers go to the municipality only when the user said yes to sharing them on the form
 * (registered with the answers); otherwise the report says they are left out, and why.
 */
function assessment(evaluation: EvaluationResponseDto | null): AssessmentData {
  if (!evaluation) return withoutAnswers('Brukeren har ikke levert evalueringsskjema.');
  const received = `Evalueringsskjema mottatt ${formatNorwegianDate(evaluation.receivedDate)}.`;
  if (evaluation.consentToShare !== true) {
    const why =
      evaluation.consentToShare === false
        ? 'Brukeren har svart nei til at svarene deles med kommunen'
        : 'Brukeren har ikke samtykket i at svarene deles med kommunen';
    return withoutAnswers(`${received} ${why}, så svarene er ikke tatt med i rapporten.`);
  }
  const answered = EVALUATION_QUESTIONS.filter((q) => {
    const value = evaluation.answers[q.id];
    return value !== null && value !== undefined && value !== '';
  });
  if (answered.length === 0) return withoutAnswers(`${received} Brukeren svarte ikke på spørsmålene.`);
  const rows = answered.map((q) => ({
    vurdering_spørsmål: 'group' in q ? `Hjelp med: ${q.text}` : q.text,
    vurdering_svar: answerText(q, evaluation.answers[q.id]),
  }));
  return {
    vurdering_status: `${received} Brukeren har samtykket i at svarene deles med kommunen. Brukerens egne svar:`,
    vurdering: rows,
    // Printed once, with the answer table inside it (the rows travel with it: a loop's fields are looked up in its own row).
    brukerens_svar: [{ vurdering: rows }],
  };
}

/** Everything the closure-report placeholders stand for, from the case page's data. */
export function closureReportData(detail: CaseDetailDto, evaluation: EvaluationResponseDto | null, today: string, reduced = false): FillData {
  requireClosureData(detail, reduced);
  const start = detail.startDate ?? detail.referralDate ?? detail.closedDate;
  const totalMinutes = detail.minutesByCategory.reduce((s, c) => s + c.minutes, 0);
  const totalEntries = detail.minutesByCategory.reduce((s, c) => s + c.entries, 0);
  const takeover = [detail.takeoverService, ...contactsWithRole(detail, 'overtar')].filter((v): v is string => Boolean(v));
  const chart = hoursByCategoryChart(detail.minutesByCategory);
  return {
    saksnummer: detail.code,
    dato: formatNorwegianDate(today),
    kommune: detail.municipalityName,
    oppdragsgiver: contactsWithRole(detail, 'oppdragsgiver').join(', ') || NOT_RECORDED,
    periode: `${formatNorwegianDate(start)}–${formatNorwegianDate(detail.closedDate)}`,
    antall_uker: formatInteger(Math.max(1, Math.round(daysBetween(start, detail.closedDate) / 7))),
    henvist_dato: date(detail.referralDate),
    henviser: contactsWithRole(detail, 'henviser').join(', ') || NOT_RECORDED,
    henvisningsgrunn: detail.referralReason ?? NOT_RECORDED,
    institusjonsfase: institutionPhase(detail),
    avslutningsgrunn: detail.closureReason ? CLOSURE_REASON_LABEL[detail.closureReason] : NOT_RECORDED,
    mål: orNone(
      detail.goals.map((g) => ({ mål_tekst: g.text, mål_status: GOAL_STATUS_LABEL[g.status] })),
      ['mål_tekst', 'mål_status'],
      'Ingen mål registrert',
    ),
    timer: orNone(
      detail.minutesByCategory.map((c) => ({
        hendelse: c.categoryName,
        hendelse_timer: formatHoursWithUnit(c.minutes),
        hendelse_registreringer: formatCount(c.entries, 'registrering'),
      })),
      ['hendelse', 'hendelse_timer', 'hendelse_registreringer'],
      'Ingen timer registrert',
    ),
    timer_totalt: formatHoursWithUnit(totalMinutes),
    registreringer_totalt: formatCount(totalEntries, 'registrering'),
    timer_diagram: { image: renderChartPng(chart), altText: chart.title, widthCm: 15 },
    samarbeidspartnere: orNone(partnerRows(detail), ['partner', 'partner_type', 'partner_rolle'], 'Ingen samarbeidspartnere registrert'),
    livsområder: orNone(lifeDomainRows(detail), ['område', 'status_start', 'status_avslutning'], 'Ingen vurderinger registrert'),
    overtar: takeover.join(', ') || NOT_RECORDED,
    etterkontakt: date(detail.afterContactDate ?? detail.afterContactDue),
    teamets_vurdering: detail.teamAssessment ?? NOT_RECORDED,
    ...assessment(evaluation),
    ansvarlige: detail.staff.map((s) => s.displayName).join(', ') || NOT_RECORDED,
  };
}
