import type { TemplateKind } from './documents';

/**
 * Every placeholder a template may use: the single truth for validating an uploaded template, for the
 * list the team reads in Innstillinger → Maler, for filling, and for the tests. A name in `{…}` that is
 * not here is refused when a template is uploaded; a name `requiredIn` a kind must be in that kind's
 * template. Loops are written `{#navn}…{/navn}`; their fields may be used only between those tags.
 */
export interface PlaceholderField {
  name: string;
  description: string;
  example: string;
}

export interface TemplatePlaceholder extends PlaceholderField {
  /** text: replaced by a value; loop: repeats what is between `{#navn}` and `{/navn}`; image: a picture. */
  type: 'text' | 'loop' | 'image';
  kinds: readonly TemplateKind[];
  requiredIn: readonly TemplateKind[];
  fields?: readonly PlaceholderField[];
}

const BOTH: readonly TemplateKind[] = ['closure-report', 'evaluation-form'];
const REPORT: readonly TemplateKind[] = ['closure-report'];
const FORM: readonly TemplateKind[] = ['evaluation-form'];

export const TEMPLATE_PLACEHOLDERS = [
  {
    name: 'saksnummer',
    type: 'text',
    kinds: BOTH,
    requiredIn: BOTH,
    description: 'Sakskoden – det eneste som identifiserer saken i dokumentet',
    example: '02/20-ST',
  },
  { name: 'dato', type: 'text', kinds: BOTH, requiredIn: [], description: 'Datoen dokumentet lages', example: '30.06.2020' },
  { name: 'kommune', type: 'text', kinds: REPORT, requiredIn: REPORT, description: 'Kommunen som har bestilt oppfølgingen', example: 'Steigen' },
  {
    name: 'oppdragsgiver',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Tjenesten i kommunen som er oppdragsgiver, med kontaktperson',
    example: 'Tildelingskontoret i Steigen (Kari Lind)',
  },
  {
    name: 'periode',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Fra oppstart (eller henvisning) til avslutning',
    example: '03.02.2020–30.06.2020',
  },
  { name: 'antall_uker', type: 'text', kinds: REPORT, requiredIn: [], description: 'Hvor mange uker oppfølgingen varte', example: '21' },
  { name: 'henvist_dato', type: 'text', kinds: REPORT, requiredIn: [], description: 'Datoen saken ble henvist', example: '15.01.2020' },
  { name: 'henviser', type: 'text', kinds: REPORT, requiredIn: [], description: 'Hvem som henviste', example: 'Rus og psykisk helsetjeneste Steigen' },
  {
    name: 'henvisningsgrunn',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Hvorfor saken kom til teamet, slik teamet har skrevet det på saken',
    example: 'Trenger hjelp med bolig og økonomi etter soning',
  },
  {
    name: 'institusjonsfase',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Institusjon, fra når og utskrivning',
    example: 'Behandlingsinstitusjon fra 06.01.2020, utskrevet 14.02.2020',
  },
  { name: 'avslutningsgrunn', type: 'text', kinds: REPORT, requiredIn: [], description: 'Hvorfor saken ble avsluttet', example: 'Målene er nådd' },
  {
    name: 'mål',
    type: 'loop',
    kinds: REPORT,
    requiredIn: [],
    description: 'Brukerens mål, ett per rad',
    example: '2 mål',
    fields: [
      { name: 'mål_tekst', description: 'Målet med brukerens ord', example: 'Egen leilighet før sommeren' },
      { name: 'mål_status', description: 'Hvor langt målet er nådd', example: 'Nådd' },
    ],
  },
  {
    name: 'timer',
    type: 'loop',
    kinds: REPORT,
    requiredIn: [],
    description: 'Arbeidet som er gjort: timer og registreringer per hendelse',
    example: '4 hendelser',
    fields: [
      { name: 'hendelse', description: 'Hendelsen (kategori i registreringen)', example: 'Brukeroppfølging' },
      { name: 'hendelse_timer', description: 'Timer på hendelsen, med enhet', example: '42,5 timer' },
      { name: 'hendelse_registreringer', description: 'Antall registreringer på hendelsen, med enhet', example: '31 registreringer' },
    ],
  },
  { name: 'timer_totalt', type: 'text', kinds: REPORT, requiredIn: [], description: 'Alle timer på saken, med enhet', example: '96 timer' },
  {
    name: 'registreringer_totalt',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Alle kontakter/registreringer på saken, med enhet',
    example: '58 registreringer',
  },
  { name: 'timer_diagram', type: 'image', kinds: REPORT, requiredIn: [], description: 'Diagram over timer per hendelse', example: '(bilde)' },
  {
    name: 'samarbeidspartnere',
    type: 'loop',
    kinds: REPORT,
    requiredIn: [],
    description: 'Samarbeidspartnere som har vært involvert',
    example: '3 samarbeidspartnere',
    fields: [
      { name: 'partner', description: 'Tjenesten eller kontoret, med kontaktperson', example: 'NAV Steigen (Ola Berg)' },
      { name: 'partner_type', description: 'Type tjeneste', example: 'NAV' },
      { name: 'partner_rolle', description: 'Rollen i saken', example: 'Samarbeidspartner' },
    ],
  },
  {
    name: 'livsområder',
    type: 'loop',
    kinds: REPORT,
    requiredIn: [],
    description: 'Status per livsområde ved start og ved avslutning',
    example: '8 livsområder',
    fields: [
      { name: 'område', description: 'Livsområdet', example: 'Bolig' },
      { name: 'status_start', description: 'Vurdering ved start', example: 'Krevende' },
      { name: 'status_avslutning', description: 'Vurdering ved avslutning', example: 'På plass' },
    ],
  },
  {
    name: 'overtar',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Hvem som overtar oppfølgingen',
    example: 'Rus og psykisk helsetjeneste Steigen',
  },
  { name: 'etterkontakt', type: 'text', kinds: REPORT, requiredIn: [], description: 'Avtalt kontakt tre måneder etter avslutning', example: '30.09.2020' },
  {
    name: 'teamets_vurdering',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Teamets vurdering og anbefalinger til kommunen, slik teamet har skrevet det på saken',
    example: 'Brukeren bor nå stabilt. Vi anbefaler fast kontaktperson i kommunen.',
  },
  {
    name: 'vurdering_status',
    type: 'text',
    kinds: REPORT,
    requiredIn: [],
    description: 'Om brukeren har levert evalueringsskjema, når, og om svarene er tatt med (bare når brukeren har samtykket)',
    example: 'Evalueringsskjema mottatt 10.07.2020. Brukeren har samtykket i at svarene deles med kommunen.',
  },
  {
    name: 'brukerens_svar',
    type: 'loop',
    kinds: REPORT,
    requiredIn: [],
    description:
      'Settes rundt tabellen med brukerens svar: {#brukerens_svar} før og {/brukerens_svar} etter. Tabellen kommer bare med når brukeren har samtykket i deling og har svart',
    example: '(tabellen, eller ingenting)',
    fields: [],
  },
  {
    name: 'vurdering',
    type: 'loop',
    kinds: REPORT,
    requiredIn: [],
    description: 'Brukerens egne svar på evalueringsskjemaet, bare når brukeren har samtykket i at de deles med kommunen',
    example: '12 svar',
    fields: [
      { name: 'vurdering_spørsmål', description: 'Spørsmålet', example: 'Jeg ble møtt med respekt.' },
      { name: 'vurdering_svar', description: 'Svaret brukeren ga', example: 'Helt enig' },
    ],
  },
  { name: 'ansvarlige', type: 'text', kinds: REPORT, requiredIn: [], description: 'Teammedlemmene som har fulgt opp saken', example: 'Anne Hansen, Per Olsen' },
  { name: 'tittel', type: 'text', kinds: FORM, requiredIn: [], description: 'Overskriften på skjemaet', example: 'Hvordan var hjelpen fra ettervernsteamet?' },
  { name: 'innledning', type: 'text', kinds: FORM, requiredIn: [], description: 'Innledende tekst til brukeren', example: 'Vi vil gjerne vite …' },
  {
    name: 'utsagn',
    type: 'loop',
    kinds: FORM,
    requiredIn: FORM,
    description: 'Påstandene brukeren krysser av for, én per rad',
    example: '8 påstander',
    fields: [
      { name: 'nr', description: 'Nummeret på påstanden', example: '1' },
      { name: 'utsagn_tekst', description: 'Påstanden', example: 'Jeg ble møtt med respekt.' },
    ],
  },
  {
    name: 'domener_overskrift',
    type: 'text',
    kinds: FORM,
    requiredIn: [],
    description: 'Ledetekst for praktisk hjelp per livsområde',
    example: 'Teamet hjalp meg med praktiske ting innen:',
  },
  {
    name: 'domener',
    type: 'loop',
    kinds: FORM,
    requiredIn: [],
    description: 'Livsområdene brukeren vurderer praktisk hjelp innen',
    example: '5 områder',
    fields: [{ name: 'domene', description: 'Livsområdet', example: 'Bolig' }],
  },
  {
    name: 'tjenester_overskrift',
    type: 'text',
    kinds: FORM,
    requiredIn: [],
    description: 'Ledetekst for hjelp i kontakten med tjenester',
    example: 'Teamet hjalp meg i kontakten med:',
  },
  {
    name: 'tjenester',
    type: 'loop',
    kinds: FORM,
    requiredIn: [],
    description: 'Tjenestene brukeren vurderer hjelpen med',
    example: '3 tjenester',
    fields: [{ name: 'tjeneste', description: 'Tjenesten', example: 'NAV' }],
  },
  {
    name: 'fritekst',
    type: 'loop',
    kinds: FORM,
    requiredIn: [],
    description: 'De åpne spørsmålene',
    example: '2 spørsmål',
    fields: [{ name: 'fritekst_spørsmål', description: 'Spørsmålet', example: 'Hva fungerte bra?' }],
  },
  {
    name: 'samtykke',
    type: 'text',
    kinds: FORM,
    requiredIn: FORM,
    description: 'Samtykke til kontakt etter tre måneder',
    example: 'Teamet kan kontakte meg om tre måneder …',
  },
  {
    name: 'samtykke_deling',
    type: 'text',
    kinds: FORM,
    requiredIn: FORM,
    description: 'Brukerens valg om svarene kan deles med kommunen (uten ja tas svarene ikke med i avslutningsrapporten)',
    example: 'Svarene mine kan deles med kommunen …',
  },
] as const satisfies readonly TemplatePlaceholder[];

export type PlaceholderName = (typeof TEMPLATE_PLACEHOLDERS)[number]['name'];

/** Top-level placeholders of a kind. */
export function placeholdersFor(kind: TemplateKind): readonly TemplatePlaceholder[] {
  return (TEMPLATE_PLACEHOLDERS as readonly TemplatePlaceholder[]).filter((p) => p.kinds.includes(kind));
}

/** Every name a template of this kind may contain: top-level names and the fields of its loops. */
export function allowedPlaceholderNames(kind: TemplateKind): Set<string> {
  const names = new Set<string>();
  for (const p of placeholdersFor(kind)) {
    names.add(p.name);
    for (const f of p.fields ?? []) names.add(f.name);
  }
  return names;
}

export function requiredPlaceholderNames(kind: TemplateKind): string[] {
  return placeholdersFor(kind)
    .filter((p) => p.requiredIn.includes(kind))
    .map((p) => p.name);
}
