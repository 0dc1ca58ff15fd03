import type { GeneratedFileDto } from '@shared/contract';
import type { TemplateKind } from '@shared/domain/documents';
import { assertWellFormed, visibleText, wordXmlParts } from './docxFiles';
import { activeLifeDomainIds, categoryId, municipalityId, versionOf, type TestDatabase } from './testDatabase';

/** Text a user or a partner's name might contain that breaks naive XML or template handling. */
export const HOSTILE_TEXT = 'Bo & jobb <b>nå</b> {kommune} {#mål} "sitat" \'apostrof\' \u0001\u0008\u000b slutt';

export interface DocumentCase {
  caseId: number;
  code: string;
}

/**
 * A case through its whole life, as the team would record it: referral, institution, risk assessment,
 * follow-up with goals, partners, ratings and time, and closure with a takeover service. `hostile` puts
 * HOSTILE_TEXT (and a very long text) into every free-text field the closure report prints.
 */
export async function buildClosedCase(t: TestDatabase, options: { hostile?: boolean; municipality?: string } = {}): Promise<DocumentCase> {
  const text = (plain: string, max: number) => (options.hostile ? `${HOSTILE_TEXT} ${'lang tekst '.repeat(40)}`.slice(0, max) : plain);
  const municipality = municipalityId(t, options.municipality ?? 'Steigen');
  const created = t.ok('cases:create', { municipalityId: municipality, referralDate: '2020-01-15', staffIds: [t.member!.id] });
  const id = created.id;
  t.ok('cases:enter-institution', {
    version: versionOf(t, 'cases', id),
    id,
    date: '2020-01-20',
    institutionKind: 'behandlingsinstitusjon',
    institutionName: text('Nordlandsklinikken', 120),
    expectedDischargeDate: '2020-02-14',
  });
  t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', id), id, date: '2020-01-25', assessedById: t.member!.id, done: true });
  t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', id), id, startDate: '2020-02-17', dischargeDate: '2020-02-14' });
  const goal = t.ok('cases:add-goal', { caseId: id, text: text('Egen leilighet før sommeren', 200), status: 'pagar' });
  t.ok('cases:add-goal', { caseId: id, text: text('Fast aktivitet to dager i uka', 200), status: 'naadd' });
  t.ok('cases:update-goal', { version: versionOf(t, 'case_goals', goal.id), id: goal.id, status: 'naadd' });
  const domains = activeLifeDomainIds(t);
  t.ok('cases:rate-domains', {
    version: versionOf(t, 'cases', id),
    caseId: id,
    occasion: 'start',
    ratedOn: '2020-02-17',
    ratings: domains.map((id, i) => ({ domainId: id, level: (i % 2) + 1 })),
  });
  const nav = t.ok('contacts:create', { name: text('NAV Steigen', 120), kind: 'nav', area: 'member', municipalityId: municipality });
  const withPerson = t.ok('contacts:add-person', { contactId: nav.id, name: text('Ola Berg', 120) });
  const office = t.ok('contacts:create', { name: 'Tildelingskontoret i Steigen', kind: 'tildelingskontor', area: 'member', municipalityId: municipality });
  const mental = t.ok('contacts:create', {
    name: 'Rus og psykisk helsetjeneste Steigen',
    kind: 'rus_psykisk_helse',
    area: 'member',
    municipalityId: municipality,
  });
  t.ok('cases:link-contact', { caseId: id, contactId: office.id, role: 'oppdragsgiver' });
  t.ok('cases:link-contact', { caseId: id, contactId: mental.id, role: 'henviser' });
  t.ok('cases:link-contact', { caseId: id, contactId: nav.id, personId: withPerson.people[0]!.id, role: 'samarbeidspartner' });
  t.ok('cases:link-contact', { caseId: id, contactId: mental.id, role: 'overtar' });
  const entries: [string, number, number][] = [
    ['2020-02-18', 1, 3],
    ['2020-02-25', 2, 1.5],
    ['2020-03-03', 3, 2],
    ['2020-03-10', 1, 4],
    ['2020-04-14', 1, 2.5],
    ['2020-05-05', 3, 1],
    ['2020-06-02', 9, 2],
  ];
  for (const [date, category, hours] of entries) {
    await t.okAsync('time-entries:create', { date, caseCode: created.code, municipalityId: municipality, categoryId: categoryId(t, category), hours });
  }
  t.ok('cases:rate-domains', {
    version: versionOf(t, 'cases', id),
    caseId: id,
    occasion: 'avslutning',
    ratedOn: '2020-06-10',
    ratings: domains.map((id) => ({ domainId: id, level: 3 })),
  });
  t.ok('cases:close', {
    version: versionOf(t, 'cases', id),
    id,
    closedDate: '2020-06-12',
    closureReason: 'mal_naadd',
    takeoverService: text('Rus og psykisk helsetjeneste', 120),
  });
  t.ok('cases:set-texts', {
    version: versionOf(t, 'cases', id),
    id,
    referralReason: text('Trenger hjelp med bolig og økonomi etter behandling', 300),
    teamAssessment: text('Brukeren bor nå stabilt og har fast aktivitet.\nVi anbefaler fast kontaktperson i kommunen det første året.', 2000),
  });
  return { caseId: id, code: created.code };
}

export interface GeneratedDocx {
  file: GeneratedFileDto;
  bytes: Buffer;
  /** Every XML part under word/, by name, each checked to be well formed. */
  parts: Map<string, string>;
  /** The visible text of the body, headers and footers. */
  text: string;
}

/** Generates a document through the dispatcher and reads it back as Word would. */
export async function generateDocx(t: TestDatabase, caseId: number, kind: TemplateKind): Promise<GeneratedDocx> {
  const file = await t.okAsync('documents:generate', { caseId, kind });
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const parts = await wordXmlParts(bytes);
  for (const [name, xml] of parts) assertWellFormed(name, xml);
  const text = [...parts.entries()]
    .filter(([n]) => /document|header|footer/.test(n))
    .map(([, xml]) => visibleText(xml))
    .join('\n');
  return { file, bytes, parts, text };
}
