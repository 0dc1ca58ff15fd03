import type { AnnualReportSection } from '@shared/domain/annualReport';
import type { SignedInContext } from '../../services/context';
import { callChannelAsync } from './serviceCall';

/** What was special about a year, in the team's words; later years than those listed get the last entry. */
const YEAR_NOTES: readonly { fagutvikling: string; utfordring: string; plan: string }[] = [
  {
    fagutvikling: 'Teamet har tatt kurs i motiverende intervju og har hatt felles opplæring i kartleggingsverktøyene vi bruker i oppstartssamtalen.',
    utfordring:
      'Koronapandemien preget oppstartsåret. Institusjonene stengte for besøk i perioder, og mye av relasjonsbyggingen måtte skje på telefon og video.',
    plan: 'Gjøre tilbudet bedre kjent i alle ni kommuner, og få på plass faste samarbeidsmøter med institusjonene.',
  },
  {
    fagutvikling:
      'To i teamet har fullført videreutdanning i psykisk helse- og rusarbeid, og vi har hatt månedlig veiledning fra det regionale kompetansesenteret på rusfeltet.',
    utfordring: 'Smitteverntiltakene ble lettet utover året, og vi kunne igjen besøke brukerne i institusjon før utskrivelse. Det ga bedre overganger.',
    plan: 'Prøve ut faste kontordager i de minste kommunene, slik at brukere og tjenester vet når vi er der.',
  },
  {
    fagutvikling: 'Teamet har hatt opplæring i ACT/FACT-modellen og har deltatt på den nasjonale ettervernskonferansen.',
    utfordring: 'Flere henvisninger kom sent, noen først etter utskrivelse. Vi har tatt dette opp med institusjonene og kommunene.',
    plan: 'Lage en felles rutine for henvisning som alle kommunene og institusjonene kan bruke.',
  },
  {
    fagutvikling:
      'Vi har tatt i bruk et nytt dokumentasjonsverktøy som gir bedre oversikt over timer, saker og kjøring, og som lager tallene i denne rapporten.',
    utfordring: 'Lange avstander og mye kjøring tar tid fra brukeroppfølgingen. Vi har samordnet reiser der det har vært mulig.',
    plan: 'Bruke tallene fra dokumentasjonsverktøyet i dialogen med hver kommune, og følge opp flere brukere med kontakt tre måneder etter avslutning.',
  },
];

function noteFor(year: number, first: number) {
  return YEAR_NOTES[Math.min(year - first, YEAR_NOTES.length - 1)]!;
}

/** Realistic chapter texts for one year, written as the team would; no persons are named. */
export function demoReportTexts(year: number, firstYear: number): Record<AnnualReportSection, string> {
  const note = noteFor(year, firstYear);
  const yearsRunning = year - firstYear + 1;
  return {
    team: [
      `Ettervernsteamet er et interkommunalt tilbud for Fauske, Sørfold, Hamarøy, Steigen, Saltdal, Meløy, Gildeskål, Beiarn og Rødøy. ${year} var teamets ${yearsRunning === 1 ? 'første' : `${yearsRunning}.`} driftsår. Fauske kommune er vertskommune, og teamet er organisert under Enhet Helse.`,
      '',
      '## Bemanning',
      'Teamet består av fire miljøterapeuter med tverrfaglig bakgrunn, en erfaringskonsulent og en prosjektleder. Vi reiser ut til kommunene og møter brukerne der de bor.',
      '',
      '## Fagutvikling',
      note.fagutvikling,
      '',
      '## Slik jobber vi',
      'Oppfølgingen er ikke vedtaksstyrt. Teamet vurderer selv hvilke saker vi tar, ut fra brukerens ønsker og behov. Vi jobber etter en recovery-basert praksis der brukerens mål står i sentrum.',
    ].join('\n'),
    cases: [
      `Tabellene viser hvor mange saker teamet hadde i ${year}, hvor mange som ble henvist, startet og avsluttet, og hvor lenge oppfølgingen varte.`,
      '',
      'Noen forhold å merke seg:',
      '- En sak telles i året den har henvisning eller registrert tid.',
      '- Hver sak følges som regel av to i teamet.',
      '- Saker med færre enn 5 personer vises ikke som tall, for å verne den enkelte.',
    ].join('\n'),
    resources: [
      'Timene fordeles på brukeroppfølging, kjøring, samarbeid og felles arbeid som administrasjon og fagutvikling. Tabellene viser timer, persontimer og registreringer per kommune og per hendelse.',
      '',
      note.utfordring,
      '',
      'Kostnadstabellene viser hva hver kommune betaler etter de tre fordelingsmodellene, og hva kommunen har fått igjen i hjelp.',
    ].join('\n'),
    partners: [
      'Et godt samarbeid med kommunale tjenester og institusjoner er avgjørende for gode overganger. Vi samarbeider særlig med:',
      '- rus- og psykisk helsetjenesten i kommunene',
      '- NAV og boligkontorene',
      '- legekontorene',
      '- behandlingsinstitusjonene og kriminalomsorgen',
      '',
      'Tabellen under viser nettverksarbeidet i året: møter, presentasjoner og samarbeid med andre tjenester.',
    ].join('\n'),
    lastingChange: [
      'Ved avslutning og ved kontakt tre måneder etter avslutning vurderer vi sammen med brukeren om endringen har vart.',
      '',
      '*Tallene er små, og må leses med forsiktighet.* Et «bedre» betyr at brukeren selv og teamet mener situasjonen er bedre enn ved oppstart.',
    ].join('\n'),
    evaluations: [
      'Alle brukere får et evalueringsskjema når oppfølgingen avsluttes. Svarene er anonyme i rapporten.',
      '',
      'Brukerne trekker særlig fram at teamet kommer hjem til dem, hjelper med praktiske ting og følger dem til møter.',
    ].join('\n'),
    incidents: [
      `Det er ikke meldt alvorlige hendelser i ${year}.`,
      '',
      'Teamet gjør en risikovurdering før hvert hjemmebesøk, og vi er alltid to ved første besøk. Avvik meldes i kommunens avvikssystem.',
    ].join('\n'),
    plans: [
      `I ${year + 1} vil teamet:`,
      `1. ${note.plan}`,
      '2. Fortsette fagutviklingen og veiledningen i teamet.',
      '3. Holde kommunene orientert gjennom styringsgruppen.',
    ].join('\n'),
  };
}

/** Every chapter of every demo year written, so a demo report has no empty chapter. */
export async function createDemoReportTexts(leader: SignedInContext, years: readonly number[]): Promise<void> {
  for (const year of years) {
    const texts = demoReportTexts(year, years[0]!);
    const stored = new Map((await callChannelAsync(leader, 'annual-report:texts', { year })).sections.map((s) => [s.section, s.version]));
    for (const [section, text] of Object.entries(texts)) {
      await callChannelAsync(leader, 'annual-report:save-text', {
        year,
        section: section as AnnualReportSection,
        text,
        version: stored.get(section as AnnualReportSection) ?? 0,
      });
    }
  }
}
