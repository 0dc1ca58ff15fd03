import { TEMPLATE_KINDS } from '@shared/domain/documents';
import { ACTOR_OPTION, PASSWORD_ENV } from './actorSignIn';

/** This PC's folder for the audit witness and its key, when not given with --vitnemappe. */
export const WITNESS_DIR_ENV = 'ETTERVERN_VITNEMAPPE';
import { defineCommand } from './command';
import { FIRST_DEMO_YEAR } from './demo/profile';
import { DEMO_PASSWORD } from './demo/staff';
import { DATE, integerBetween, YEAR } from './optionValues';

/**
 * What every command accepts, in the order the help lists them. Parsing and help come from here alone;
 * the implementations (commands/) are loaded only when their command runs, see registry.ts.
 */

const DB = { placeholder: 'FIL', required: true, description: 'Databasefilen' } as const;
/**
 * This PC's folder, the command line's counterpart of the app's user-data folder: `audit verify` checks the
 * witness there, every command that writes moves it to the audit log's new head afterwards, as the app does
 * after each write (database.ts, moveWitness), and what the PC remembers of the file's checks spares a
 * whole-file quick_check on commands where none is due (db/checkPlan.ts).
 */
const WITNESS_DIR_OPTION = {
  placeholder: 'MAPPE',
  description: `Denne PC-ens mappe for revisjonsvitnet, nøkkelen og minnet om kontrollene av filen (ellers ${WITNESS_DIR_ENV})`,
} as const;
const DRY_RUN = { flag: true, description: 'Vis bare hva som ville skjedd; ingenting endres' } as const;

export const DEFAULT_DEMO_SEED = 2020;

export const demoSpec = defineCommand({
  name: 'demo',
  description: [
    `Lager en realistisk demodatabase: teamet, saker og timer fra ${FIRST_DEMO_YEAR} til og med --year.`,
    'Samme --seed og --year gir nøyaktig samme innhold. Skriver et sammendrag som JSON.',
    `Alle demobrukerne har passordet «${DEMO_PASSWORD}» (prosjektleder ragnhild.aasen er administrator).`,
  ],
  options: {
    db: { ...DB, description: 'Filen demodatabasen skrives til' },
    year: { placeholder: 'ÅÅÅÅ', type: YEAR, description: 'Siste år med data (standard: siste hele kalenderår)' },
    seed: { placeholder: 'N', type: integerBetween(0, 0xffffffff), description: `Startverdi for tilfeldighetene (standard: ${DEFAULT_DEMO_SEED})` },
    force: { flag: true, description: 'Erstatt en fil som finnes og ikke er tom' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const callSpec = defineCommand({
  name: 'call',
  description: [
    'Kaller en kanal gjennom samme dispatcher som appen (validering, rettigheter, revisjonslogg).',
    'Skriver verdien som JSON. Ved feil skrives { "ok": false, "error": … } og koden blir 1.',
  ],
  options: {
    db: DB,
    actor: {
      ...ACTOR_OPTION,
      required: false,
      description: `Logg inn som teammedlemmet først (passordet fra ${PASSWORD_ENV}); uten --actor svarer bare kanaler som ikke krever innlogging`,
    },
    create: { flag: true, description: 'Lag databasefilen hvis den ikke finnes' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [
    { name: 'channel', placeholder: 'KANAL', required: true, description: 'Kanalen, for eksempel statistics:annual (se «channels»)' },
    { name: 'payload', placeholder: 'JSON', description: 'Inndata til kanalen (standard: {})' },
  ],
});

export const channelsSpec = defineCommand({
  name: 'channels',
  description: ['Lister alle kanaler i kontrakten: navn, type (query/mutation), beskrivelse, hva kanalen leser og skriver, og inndata som JSON Schema.'],
  options: {},
  positionals: [],
});

export const importTimesheetSpec = defineCommand({
  name: 'import-timesheet',
  description: [
    'Importerer et gammelt timeark (Sak, Dato, Kommune, Hendelse, Tidsbruk) i én transaksjon.',
    'Skriver et sammendrag som JSON: rader lest, importert, duplikater hoppet over, saker opprettet,',
    'og hver avviste rad med ark, radnummer og årsak.',
    'Avslutningskode 0 når importen er lagret (eller ville blitt det), ellers 1.',
  ],
  options: {
    db: DB,
    actor: ACTOR_OPTION,
    'dry-run': DRY_RUN,
    strict: { flag: true, description: 'Importer bare når ingen rad avvises' },
    sheet: { placeholder: 'NAVN', repeatable: true, description: 'Importer bare dette arket (kan gjentas)' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [{ name: 'file', placeholder: 'FIL.xlsx', required: true, description: 'Timearket som skal importeres' }],
});

export const exportTimesheetSpec = defineCommand({
  name: 'export-timesheet',
  description: [
    'Eksporterer registreringene som passer filteret, med kolonnene Sak, Dato, Kommune, Hendelse,',
    'Tidsbruk og Deltakere, så de gamle pivottabellene fortsatt virker. Formatet følger filendelsen.',
    'En fil som finnes fra før, blir ikke overskrevet.',
  ],
  options: {
    db: DB,
    actor: ACTOR_OPTION,
    out: { placeholder: 'FIL.xlsx|FIL.csv', required: true, description: 'Filen som skrives' },
    from: { placeholder: 'DATO', type: DATE, description: 'Fra og med datoen' },
    to: { placeholder: 'DATO', type: DATE, description: 'Til og med datoen' },
    case: { placeholder: 'KODE', description: 'Bare saken med denne sakskoden' },
    municipality: { placeholder: 'NAVN', description: 'Bare kommunen' },
    category: { placeholder: 'NR', description: 'Bare hendelsen med dette nummeret' },
    member: { placeholder: 'BRUKERNAVN', description: 'Bare registreringer teammedlemmet deltok i' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const documentSpec = defineCommand({
  name: 'document',
  description: [
    'Lager avslutningsrapport (closure-report) eller evalueringsskjema (evaluation-form) for saken fra',
    'malen som er i bruk, og fører det i sakens dokumentlogg og revisjonsloggen, som i appen.',
    'En fil som finnes fra før, blir ikke overskrevet.',
  ],
  options: {
    db: DB,
    actor: ACTOR_OPTION,
    case: { placeholder: 'KODE', required: true, description: 'Sakskoden, for eksempel 02/24-ST' },
    out: { placeholder: 'FIL.docx', required: true, description: 'Word-filen som skrives' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [{ name: 'kind', placeholder: 'TYPE', required: true, choices: TEMPLATE_KINDS, description: 'Dokumentet som lages' }],
});

export const annualReportSpec = defineCommand({
  name: 'annual-report',
  description: [
    'Lager årsrapporten for året: «Årsrapport ettervernsteamet ÅÅÅÅ.docx» og «… .xlsx» i MAPPE',
    '(mappen lages om den mangler). Filer som finnes fra før, blir ikke overskrevet.',
    'Kapitler uten tekst nevnes før rapporten lages; med --strict lages den ikke.',
  ],
  options: {
    db: DB,
    actor: ACTOR_OPTION,
    year: { placeholder: 'ÅÅÅÅ', required: true, type: YEAR, description: 'Året rapporten gjelder' },
    out: { placeholder: 'MAPPE', required: true, description: 'Mappen filene skrives til' },
    strict: { flag: true, description: 'Lag ikke rapporten når et kapittel mangler tekst' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const statsSpec = defineCommand({
  name: 'stats',
  description: [
    'Årets tall: timer og registreringer per kommune og hendelse, og saker per kommune',
    '(i alt, henvist, aktive ved årets slutt, avsluttet).',
    'Med en postgres://-adresse: tallene til teamet påloggingen hører til (et teammedlems egen pålogging;',
    'passordet i adressen eller i PGPASSWORD). En superbruker, eller en rolle uten team, avvises.',
  ],
  options: {
    db: { placeholder: 'FIL|postgres://…', required: true, server: true, description: 'Databasefilen, eller teamets database på en PostgreSQL-server' },
    year: { placeholder: 'ÅÅÅÅ', required: true, type: YEAR, description: 'Året tallene gjelder' },
    json: { flag: true, description: 'Maskinlesbart utdata (JSON) i stedet for tabeller' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const backupSpec = defineCommand({
  name: 'backup',
  description: [
    'Tar en sikkerhetskopi av databasen med SQLites backup-funksjon (trygt mens appen kjører),',
    'kontrollerer den med integrity_check og skriver den til --out. En fil som finnes, erstattes ikke.',
  ],
  options: { db: DB, out: { placeholder: 'FIL', required: true, description: 'Sikkerhetskopien som skrives' } },
  positionals: [],
});

export const restoreSpec = defineCommand({
  name: 'restore',
  description: [
    'Henter fram sikkerhetskopien --from som databasen --db. Kopien kontrolleres først; en database som',
    'finnes, sikkerhetskopieres til FIL.foer-gjenoppretting-TIDSPUNKT.sqlite før den erstattes.',
  ],
  options: { db: DB, from: { placeholder: 'FIL', required: true, description: 'Sikkerhetskopien som hentes fram' }, vitnemappe: WITNESS_DIR_OPTION },
  positionals: [],
});

export const verifySpec = defineCommand({
  name: 'verify',
  description: [
    'Kontrollerer databasen (integrity_check og foreign_key_check) uten å endre den.',
    'Skriver resultatet som JSON; koden blir 1 hvis noe er galt.',
  ],
  options: { db: DB },
  positionals: [],
});

export const auditSpec = defineCommand({
  name: 'audit',
  description: [
    'verify: kontrollerer hash-kjeden i revisjonsloggen. Kode 1 og nummeret på første brutte rad',
    'hvis en rad er endret eller fjernet utenfor appen.',
    'Sammenligner også med vitnene: hodet denne PC-en sist så (signert, i --vitnemappe eller',
    `${WITNESS_DIR_ENV}) og hodet hver sikkerhetskopi bærer. Melder avkortet logg, omskrevet kjede`,
    'og gjenopprettinger som spolte loggen tilbake (når og av hvem).',
    'export: skriver hele revisjonsloggen til en Excel-fil (--out).',
  ],
  options: {
    db: DB,
    out: { placeholder: 'FIL.xlsx', description: 'Excel-filen (for export)' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [{ name: 'action', placeholder: 'HANDLING', required: true, choices: ['verify', 'export'] }],
});

export const retentionSpec = defineCommand({
  name: 'retention',
  description: ['Reduserer avsluttede saker som er eldre enn oppbevaringstiden til statistikk, og komprimerer filen.'],
  options: {
    db: DB,
    actor: { ...ACTOR_OPTION, description: `En administrator. Passordet leses fra ${PASSWORD_ENV}.` },
    'dry-run': DRY_RUN,
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const shareSpec = defineCommand({
  name: 'share',
  description: [
    'Deler databasen med teamet, som «Del databasen med teamet» i appen: en kontrollert kopi med samme',
    'filnavn i mappen på fellesområdet, merket som delt. Databasen i --db blir liggende uendret.',
    'Skriver stien til den delte databasen; kollegene åpner den med «Åpne delt database» eller --db.',
  ],
  options: {
    db: DB,
    to: { placeholder: 'MAPPE', required: true, description: 'Mappen på fellesområdet (en vanlig delt mappe eller nettverksstasjon, ikke OneDrive/Teams)' },
    actor: { ...ACTOR_OPTION, description: `En administrator. Passordet leses fra ${PASSWORD_ENV}.` },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const upgradeSpec = defineCommand({
  name: 'upgrade',
  description: [
    'Oppgraderer databasen til denne versjonen av Ettervern (en kopi tas først), og gjør ellers ingenting.',
    'En delt database oppgraderes ikke mens andre har hatt den åpen de siste fem minuttene, uten --force.',
  ],
  options: {
    db: DB,
    force: { flag: true, description: 'Oppgrader selv om andre har databasen åpen; deres Ettervern slutter da å lagre til det er oppdatert' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const setPasswordSpec = defineCommand({
  name: 'set-password',
  description: [
    'Setter passordet til et teammedlem, for eksempel når databasen er fra før Ettervern fikk passord',
    `eller administratoren har glemt sitt. Passordet leses fra miljøvariabelen ${PASSWORD_ENV}.`,
    'Endringen føres i revisjonsloggen uten innlogget bruker.',
  ],
  options: { db: DB, user: { placeholder: 'BRUKERNAVN', required: true, description: 'Teammedlemmet som får nytt passord' }, vitnemappe: WITNESS_DIR_OPTION },
  positionals: [],
});

export const firstAdministratorSpec = defineCommand({
  name: 'first-administrator',
  description: [
    'Oppretter den første administratoren i en ny database (filen lages hvis den mangler), som når appen',
    `startes første gang. Passordet leses fra miljøvariabelen ${PASSWORD_ENV}. Avvises når databasen`,
    'alt har teammedlemmer: da legger en administrator til kolleger i appen under «Team».',
  ],
  options: {
    db: DB,
    user: { placeholder: 'BRUKERNAVN', required: true, description: 'Brukernavnet (små bokstaver a–z, tall, punktum, bindestrek)' },
    name: { placeholder: 'NAVN', required: true, description: 'Navnet slik teamet ser det' },
    initials: { placeholder: 'XX', required: true, description: 'Initialer, 2–4 store bokstaver' },
    vitnemappe: WITNESS_DIR_OPTION,
  },
  positionals: [],
});

export const migrateToServerSpec = defineCommand({
  name: 'migrate-to-server',
  description: [
    'Flytter teamets databasefil til en ny, tom PostgreSQL-database, alt eller ingenting: filen leses som',
    'den er i ett øyeblikk (og endres ikke), revisjonsloggen kontrolleres før og etter, og hver tabell',
    'sammenlignes rad for rad med filen før kopien lagres. En database som er i bruk, avvises.',
    'Filen blir et nytt team (--team) på serveren; kjør som databasens eier. Medlemmene får pålogging på',
    'serveren etterpå, med ettervern_give_login (passordene i filen kan ikke flyttes).',
    'Passordet i adressen eller i miljøvariabelen PGPASSWORD (helst der: da står det ikke i kommandohistorikken).',
    'Skriver hver tabell med antall rader; avslutningskode 1 når flyttingen avvises.',
  ],
  options: {
    from: { placeholder: 'FIL.sqlite', required: true, description: 'Databasefilen som flyttes' },
    team: { placeholder: 'NAVN', required: true, description: 'Navnet teamet får på serveren (1–100 tegn), for eksempel "Ettervern Salten"' },
    to: {
      placeholder: 'postgres://BRUKER@VERT:PORT/DATABASE',
      required: true,
      server: true,
      description: 'Databasen på serveren (kryptert forbindelse, sslmode=verify-full, når serveren ikke er denne maskinen)',
    },
    json: { flag: true, description: 'Maskinlesbart sammendrag (JSON) i stedet for tekst' },
  },
  positionals: [],
});
