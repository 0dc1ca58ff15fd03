/**
 * The team's own evaluation form, handed to the user at closure and returned on paper (or by the user's
 * own hand to the team). Written for this team in plain language; deliberately not CSQ-8 or ORS/SRS,
 * which are licensed. One A4 page: statements on a five-point agreement scale, two grids of practical
 * help (per life domain and per service), two free-text questions and the consent to the three-month
 * contact. The form carries the case code, never a name.
 */

/** 1–5 agreement. An unanswered or «ikke aktuelt» question is stored as null. */
export const EVALUATION_SCALE = [
  { value: 1, label: 'Helt uenig' },
  { value: 2, label: 'Litt uenig' },
  { value: 3, label: 'Både og' },
  { value: 4, label: 'Litt enig' },
  { value: 5, label: 'Helt enig' },
] as const;
export type EvaluationScaleValue = (typeof EVALUATION_SCALE)[number]['value'];
export const EVALUATION_SCALE_MIN = 1;
export const EVALUATION_SCALE_MAX = 5;
export const NOT_RELEVANT_LABEL = 'Ikke aktuelt';

export interface EvaluationScaleQuestion {
  id: string;
  kind: 'scale';
  text: string;
  /** Grid questions share a heading on the form («Teamet hjalp meg med …»). */
  group?: EvaluationGroupId;
}

export interface EvaluationTextQuestion {
  id: string;
  kind: 'text';
  text: string;
}

export type EvaluationQuestion = EvaluationScaleQuestion | EvaluationTextQuestion;

export const EVALUATION_GROUPS = {
  domener: 'Teamet hjalp meg med praktiske ting innen:',
  tjenester: 'Teamet hjalp meg i kontakten med:',
} as const;
export type EvaluationGroupId = keyof typeof EVALUATION_GROUPS;

/** Question ids are permanent: stored answers refer to them. Reword the text, never reuse an id. */
export const EVALUATION_QUESTIONS = [
  { id: 'respekt', kind: 'scale', text: 'Jeg ble møtt med respekt.' },
  { id: 'lyttet', kind: 'scale', text: 'Teamet lyttet til det jeg sa.' },
  { id: 'egne_mal', kind: 'scale', text: 'Det var mine egne mål vi jobbet ut fra.' },
  { id: 'tilgjengelig', kind: 'scale', text: 'Det var lett å få tak i teamet når jeg trengte det.' },
  { id: 'hjelp_bolig', kind: 'scale', group: 'domener', text: 'Bolig' },
  { id: 'hjelp_okonomi', kind: 'scale', group: 'domener', text: 'Økonomi' },
  { id: 'hjelp_aktivitet', kind: 'scale', group: 'domener', text: 'Arbeid, skole eller aktivitet' },
  { id: 'hjelp_helse', kind: 'scale', group: 'domener', text: 'Helse og rus' },
  { id: 'hjelp_nettverk', kind: 'scale', group: 'domener', text: 'Familie, venner og nettverk' },
  { id: 'hjelp_nav', kind: 'scale', group: 'tjenester', text: 'NAV' },
  { id: 'hjelp_boligkontor', kind: 'scale', group: 'tjenester', text: 'Boligkontoret' },
  { id: 'hjelp_andre_tjenester', kind: 'scale', group: 'tjenester', text: 'Lege, psykisk helse og andre tjenester' },
  { id: 'nyttig', kind: 'scale', text: 'Hjelpen fra teamet har vært nyttig for meg.' },
  { id: 'hap', kind: 'scale', text: 'Jeg har mer håp for framtida enn da vi startet.' },
  { id: 'kontroll', kind: 'scale', text: 'Jeg opplever at jeg har mer kontroll over mitt eget liv.' },
  { id: 'helhet', kind: 'scale', text: 'Alt i alt er jeg fornøyd med hjelpen jeg fikk.' },
  { id: 'fungerte', kind: 'text', text: 'Hva fungerte bra?' },
  { id: 'endre', kind: 'text', text: 'Hva bør vi gjøre annerledes?' },
] as const satisfies readonly EvaluationQuestion[];

export type EvaluationQuestionId = (typeof EVALUATION_QUESTIONS)[number]['id'];
export const EVALUATION_SCALE_QUESTIONS = EVALUATION_QUESTIONS.filter(
  (q): q is Extract<(typeof EVALUATION_QUESTIONS)[number], { kind: 'scale' }> => q.kind === 'scale',
);
export const EVALUATION_TEXT_QUESTIONS = EVALUATION_QUESTIONS.filter(
  (q): q is Extract<(typeof EVALUATION_QUESTIONS)[number], { kind: 'text' }> => q.kind === 'text',
);
export const EVALUATION_QUESTION_IDS = EVALUATION_QUESTIONS.map((q) => q.id) as EvaluationQuestionId[];

export const EVALUATION_CONSENT_TEXT = 'Teamet kan kontakte meg om tre måneder for å høre hvordan det går.';
/**
 * The user's own choice, on the form, whether the answers go to the municipality in the closure report.
 * Without a yes registered with the answers, the report says they are not included.
 */
export const EVALUATION_SHARE_CONSENT_TEXT =
  'Svarene mine kan deles med kommunen: de kan stå i avslutningsrapporten teamet sender til kommunen som bestilte oppfølgingen.';
/** The same choice as the team registers it from the returned form. */
export const EVALUATION_SHARE_CONSENT_LABEL = 'Brukeren samtykker i at svarene deles med kommunen';
export const EVALUATION_TITLE = 'Hvordan var hjelpen fra ettervernsteamet?';
export const EVALUATION_INTRO =
  'Vi vil gjerne vite hva du synes om hjelpen du har fått, så vi kan bli bedre. Skjemaet er frivillig. ' +
  'Svarene leses av teamet. Kommunen får dem bare hvis du krysser «Ja» nederst på skjemaet. ' +
  'Ikke skriv navnet ditt – skjemaet har bare en sakskode. Sett ett kryss per linje.';

/** Free text on a returned form is copied as written; keep it short (the form has two lines per question). */
export const EVALUATION_TEXT_MAX = 1000;

export function evaluationQuestionText(id: string): string {
  return EVALUATION_QUESTIONS.find((q) => q.id === id)?.text ?? id;
}
