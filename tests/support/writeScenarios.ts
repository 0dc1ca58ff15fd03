import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MutationChannelName } from '@shared/contract';
import { buildClosedCase } from './documentCases';
import { categoryId, municipalityId, TEST_PASSWORD, TEST_RESOURCES_DIR, versionOf, type TestDatabase } from './testDatabase';
import { workbookBytes } from './timesheetFiles';

/** «Now» for the retention scenario: five years and more after its case closed. */
export const RETENTION_NOW = '2025-06-02T10:00:00.000Z';

/** The id of the newest audit row, 0 in an empty log. */
export const lastAuditId = (t: TestDatabase) => (t.db.sqlite.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;

/** One successful call of a mutation channel, and the audit row it must leave. */
export interface WriteScenario {
  /** Whatever must exist before the write. */
  prepare?: () => unknown;
  write: (prepared: unknown) => { id: number } | Promise<{ id: number }>;
  expected: (written: { id: number }) => { action: string; record_type: string; record_id: string | null; fields: string[]; at?: string };
  /** Where the new rows start, when the write replaces the log itself (a restore). Default: the last row now. */
  since?: (prepared: unknown) => number;
  /** Values sent with the write; none may appear in the audit row. */
  values: string[];
}

/** The case most scenarios start from: 03/20-ST, referred in Steigen. */
export const sampleCase = (t: TestDatabase) =>
  t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01', code: '03/20-ST' });

/** One and a half hours on the sample case. */
export const sampleEntry = (t: TestDatabase) => ({
  date: '2020-03-02',
  caseCode: '03/20-ST',
  municipalityId: municipalityId(t, 'Steigen'),
  categoryId: categoryId(t, 2),
  hours: '1,5',
});

/** An empty folder in the test's own directory, standing in for the team's shared folder. */
export function sharedFolder(t: TestDatabase, name: string): string {
  const folder = join(t.dir, name);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Keeps the channel names of a group of scenarios, so the whole set can be checked for completeness. */
const scenarios = <C extends MutationChannelName>(group: Record<C, WriteScenario>) => group;

/**
 * A scenario for every mutation channel, each meant for a fresh test database with its signed-in member
 * (createTestDatabase). The audit test checks the rows they leave; the table test checks the SQL they run.
 */
export function writeScenarios(t: TestDatabase): Record<MutationChannelName, WriteScenario> {
  const steigen = municipalityId(t, 'Steigen');

  const entryPayload = () => sampleEntry(t);
  const prepareCase = () => sampleCase(t);

  const made = () => prepareCase();
  /** A free-text write on the sample case: the audit row names the fields sent, never their words. */
  const caseTextScenario = <C extends 'cases:set-closure-note' | 'cases:set-texts'>(
    channel: C,
    texts: Record<string, string>,
    words: string[],
  ): WriteScenario => ({
    prepare: prepareCase,
    write: (c) => {
      const id = (c as { id: number }).id;
      return t.ok(channel, { version: versionOf(t, 'cases', id), id, ...texts } as never) as { id: number };
    },
    expected: (c) => ({ action: 'update', record_type: 'case', record_id: String(c.id), fields: Object.keys(texts) }),
    values: [...Object.values(texts), ...words],
  });
  const contactAudit = (action: string) => (c: { id: number }) => ({
    action,
    record_type: 'contact',
    record_id: String(c.id),
    fields: ['address', 'area', 'email', 'kind', 'municipalityId', 'name', 'otherMunicipality', 'phone'],
  });
  const caseAudit = (action: string, fields: string[]) => (c: { id: number }) => ({ action, record_type: 'case', record_id: String(c.id), fields });
  const assessed = () => {
    const c = made();
    t.ok('cases:record-risk-assessment', { version: versionOf(t, 'cases', c.id), id: c.id, date: '2020-03-02', assessedById: t.member!.id, done: true });
    return c;
  };
  const following = () => {
    const c = assessed();
    t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', c.id), id: c.id, startDate: '2020-03-05' });
    return c;
  };
  const closed = () => {
    const c = following();
    // Two months before the three-month contact below: it may not come sooner than 8 weeks after closure.
    t.ok('cases:close', { version: versionOf(t, 'cases', c.id), id: c.id, closedDate: '2020-04-01', closureReason: 'overfort' });
    return c;
  };
  const idOf = (prepared: unknown) => (prepared as { id: number }).id;
  const contactPayload = () => ({ name: 'NAV Steigen', kind: 'nav' as const, area: 'member' as const, municipalityId: steigen, phone: '75 77 88 00' });
  const madeContact = async () => await t.okAsync('contacts:create', contactPayload());
  const contactWithPerson = async () =>
    await t.okAsync('contacts:add-person', { contactId: (await madeContact()).id, name: 'Kari Veileder', role: 'Veileder' });
  const firstDomain = async () => (await t.okAsync('life-domains:list', {}))[0]!.id;

  // One scenario per mutation channel of the documents work (templates, document log, evaluation forms).
  const shippedReport = () => readFileSync(`${TEST_RESOURCES_DIR}/templates/Avslutningsrapport.docx`).toString('base64');
  const firstTemplate = async () => (await t.okAsync('templates:list', { kind: 'closure-report' }))[0]!;
  const evaluationPayload = { receivedDate: '2020-06-01', consentToContact: true, answers: { respekt: 5, fungerte: 'Besøkene hjemme' } } as const;
  const registered = () => t.okAsync('evaluations:register', { caseCode: '03/20-ST', ...evaluationPayload });
  const DOCUMENT_SCENARIOS = () =>
    scenarios({
      'templates:open': {
        prepare: firstTemplate,
        write: async (tpl) => (await t.okAsync('templates:open', { id: idOf(tpl) }), { id: idOf(tpl) }),
        expected: (tpl) => ({ action: 'view', record_type: 'document_template', record_id: String(tpl.id), fields: [] }),
        values: ['Avslutningsrapport'],
      },
      'templates:replace': {
        prepare: firstTemplate,
        write: () => t.okAsync('templates:replace', { kind: 'closure-report', fileName: 'Rapport fra Steigen.docx', contentBase64: shippedReport() }),
        expected: (tpl) => ({ action: 'create', record_type: 'document_template', record_id: String(tpl.id), fields: ['content', 'fileName'] }),
        values: ['Rapport fra Steigen'],
      },
      'templates:restore-default': {
        prepare: firstTemplate,
        write: () => t.okAsync('templates:restore-default', { kind: 'closure-report' }),
        expected: (tpl) => ({ action: 'create', record_type: 'document_template', record_id: String(tpl.id), fields: ['content', 'isDefault'] }),
        values: ['Avslutningsrapport.docx'],
      },
      'documents:generate': {
        prepare: async () => (await firstTemplate(), await buildClosedCase(t)),
        write: async (c) => (
          await t.okAsync('documents:generate', { caseId: (c as { caseId: number }).caseId, kind: 'closure-report' }),
          { id: (c as { caseId: number }).caseId }
        ),
        expected: caseAudit('document', ['closure-report']),
        values: ['Egen leilighet', '20-ST', 'Tildelingskontoret'],
      },
      'documents:regenerate': {
        prepare: async () => {
          const c = await buildClosedCase(t);
          return (await t.okAsync('documents:generate', { caseId: c.caseId, kind: 'evaluation-form' })).log;
        },
        write: async (log) => (await t.okAsync('documents:regenerate', { id: idOf(log) }), { id: (log as { caseId: number }).caseId }),
        expected: caseAudit('document', ['evaluation-form']),
        values: ['20-ST', 'Evalueringsskjema'],
      },
      'evaluations:register': {
        prepare: prepareCase,
        write: registered,
        expected: (e) => ({
          action: 'create',
          record_type: 'evaluation',
          record_id: String(e.id),
          fields: ['caseId', 'consentToContact', 'fungerte', 'receivedDate', 'respekt'],
        }),
        values: ['03/20-ST', '2020-06-01', 'Besøkene hjemme'],
      },
      'evaluations:update': {
        prepare: () => (prepareCase(), registered()),
        write: (e) =>
          t.okAsync('evaluations:update', {
            id: idOf(e),
            version: versionOf(t, 'evaluation_responses', idOf(e)),
            receivedDate: '2020-06-03',
            consentToContact: false,
            answers: { helhet: 4, endre: 'Flere møter' },
          }),
        expected: (e) => ({
          action: 'update',
          record_type: 'evaluation',
          record_id: String(e.id),
          fields: ['consentToContact', 'endre', 'helhet', 'receivedDate'],
        }),
        values: ['2020-06-03', 'Flere møter'],
      },
      'evaluations:delete': {
        prepare: () => (prepareCase(), registered()),
        write: (e) => t.okAsync('evaluations:delete', { id: idOf(e), version: versionOf(t, 'evaluation_responses', idOf(e)) }),
        expected: (e) => ({ action: 'delete', record_type: 'evaluation', record_id: String(e.id), fields: [] }),
        values: ['03/20-ST', 'Besøkene hjemme'],
      },
    });

  // One scenario per mutation channel added by the case-lifecycle work.
  const CASE_LIFE_SCENARIOS = () =>
    scenarios({
      'cases:correct-code': {
        prepare: made,
        write: (c) => t.ok('cases:correct-code', { version: versionOf(t, 'cases', idOf(c)), id: idOf(c), code: '07/20-ST' }),
        expected: caseAudit('update', ['code']),
        values: ['07/20-ST', '03/20-ST'],
      },
      'cases:reject': {
        prepare: made,
        write: (c) => t.ok('cases:reject', { version: versionOf(t, 'cases', idOf(c)), id: idOf(c), date: '2020-03-04' }),
        expected: caseAudit('transition', ['rejectedDate', 'status']),
        values: ['2020-03-04', 'avvist'],
      },
      'cases:enter-institution': {
        prepare: made,
        write: (c) =>
          t.ok('cases:enter-institution', {
            version: versionOf(t, 'cases', idOf(c)),
            id: idOf(c),
            date: '2020-03-04',
            institutionKind: 'fengsel',
            institutionName: 'Bodø fengsel',
          }),
        expected: caseAudit('transition', ['expectedDischargeDate', 'institutionFrom', 'institutionKind', 'institutionName', 'status']),
        values: ['Bodø', 'fengsel', '2020-03-04'],
      },
      'cases:update-institution': {
        prepare: () => {
          const c = made();
          t.ok('cases:enter-institution', { version: versionOf(t, 'cases', c.id), id: c.id, date: '2020-03-04', institutionKind: 'fengsel' });
          return c;
        },
        write: (c) =>
          t.ok('cases:update-institution', {
            version: versionOf(t, 'cases', idOf(c)),
            id: idOf(c),
            institutionKind: 'sykehus_dps',
            institutionName: 'DPS Salten',
            dischargeDate: '2020-04-01',
          }),
        expected: caseAudit('update', ['dischargeDate', 'expectedDischargeDate', 'institutionKind', 'institutionName']),
        values: ['DPS Salten', 'sykehus_dps', '2020-04-01'],
      },
      'cases:start-follow-up': {
        prepare: assessed,
        write: (c) =>
          t.ok('cases:start-follow-up', { version: versionOf(t, 'cases', idOf(c)), id: idOf(c), startDate: '2020-03-05', dischargeDate: '2020-03-04' }),
        expected: caseAudit('transition', ['dischargeDate', 'startDate', 'status']),
        values: ['2020-03-05', '2020-03-04', 'oppfolging'],
      },
      'cases:close': {
        prepare: following,
        write: (c) =>
          t.ok('cases:close', {
            version: versionOf(t, 'cases', idOf(c)),
            id: idOf(c),
            closedDate: '2020-05-01',
            closureReason: 'overfort',
            takeoverService: 'Rustjenesten',
          }),
        expected: caseAudit('transition', ['closedDate', 'closureReason', 'status', 'takeoverService']),
        values: ['Rustjenesten', 'overfort', '2020-05-01'],
      },
      'cases:record-after-contact': {
        prepare: closed,
        write: (c) => t.ok('cases:record-after-contact', { version: versionOf(t, 'cases', idOf(c)), id: idOf(c), contactDate: '2020-06-01' }),
        expected: caseAudit('transition', ['afterContactDate', 'status']),
        values: ['2020-06-01'],
      },
      'cases:record-after-contact-not-possible': {
        prepare: closed,
        write: (c) =>
          t.ok('cases:record-after-contact-not-possible', {
            version: versionOf(t, 'cases', idOf(c)),
            id: idOf(c),
            date: '2020-06-02',
            notPossibleReason: 'flyttet',
            note: 'Tre forsøk på telefon',
          }),
        expected: caseAudit('update', ['date', 'notPossibleReason', 'note']),
        values: ['2020-06-02', 'flyttet', 'Tre forsøk på telefon'],
      },
      'cases:reopen': {
        prepare: closed,
        write: (c) => t.ok('cases:reopen', { version: versionOf(t, 'cases', idOf(c)), id: idOf(c), date: '2020-06-01' }),
        expected: caseAudit('reopen', ['afterContactDate', 'closedDate', 'closureReason', 'status', 'takeoverService']),
        values: ['2020-06-01', '2020-05-01'],
      },
      'cases:record-risk-assessment': {
        prepare: made,
        write: (c) =>
          t.ok('cases:record-risk-assessment', {
            version: versionOf(t, 'cases', idOf(c)),
            id: idOf(c),
            date: '2020-03-02',
            assessedById: t.member!.id,
            done: true,
          }),
        expected: caseAudit('update', ['riskAssessedBy', 'riskAssessmentDate', 'riskAssessmentDone']),
        values: ['2020-03-02', 'true'],
      },
      'cases:set-staff': {
        prepare: made,
        write: (c) => t.ok('cases:set-staff', { version: versionOf(t, 'cases', idOf(c)), id: idOf(c), staffIds: [t.member!.id] }),
        expected: caseAudit('update', ['staffIds']),
        values: ['marit', 'MS'],
      },
      'cases:rate-domains': {
        prepare: made,
        write: async (c) =>
          t.ok('cases:rate-domains', {
            version: versionOf(t, 'cases', idOf(c)),
            caseId: idOf(c),
            occasion: 'start',
            ratedOn: '2020-03-02',
            ratings: [{ domainId: await firstDomain(), level: 2, note: 'Bor hos mor' }],
          }),
        expected: caseAudit('update', ['domainRatings']),
        values: ['Bor hos mor', '2020-03-02'],
      },
      'cases:add-goal': {
        prepare: made,
        write: (c) => t.ok('cases:add-goal', { caseId: idOf(c), text: 'Egen leilighet' }),
        expected: (g) => ({ action: 'create', record_type: 'case_goal', record_id: String(g.id), fields: ['caseId', 'status', 'text'] }),
        values: ['Egen leilighet', 'ikke_startet'],
      },
      'cases:update-goal': {
        prepare: () => t.ok('cases:add-goal', { caseId: made().id, text: 'Egen leilighet' }),
        write: (g) => t.ok('cases:update-goal', { version: versionOf(t, 'case_goals', idOf(g)), id: idOf(g), status: 'naadd', text: 'Egen bolig' }),
        expected: (g) => ({ action: 'update', record_type: 'case_goal', record_id: String(g.id), fields: ['status', 'text'] }),
        values: ['Egen bolig', 'naadd'],
      },
      'cases:delete-goal': {
        prepare: () => t.ok('cases:add-goal', { caseId: made().id, text: 'Egen leilighet' }),
        write: (g) => t.ok('cases:delete-goal', { version: versionOf(t, 'case_goals', idOf(g)), id: idOf(g) }),
        expected: (g) => ({ action: 'delete', record_type: 'case_goal', record_id: String(g.id), fields: [] }),
        values: ['Egen leilighet'],
      },
      'cases:link-contact': {
        prepare: async () => ({ caseId: made().id, contact: await contactWithPerson() }),
        write: (p) => {
          const { caseId, contact } = p as { caseId: number; contact: { id: number; people: { id: number }[] } };
          const detail = t.ok('cases:link-contact', { caseId, contactId: contact.id, personId: contact.people[0]!.id, role: 'henviser' });
          return detail.contacts[0]!;
        },
        expected: (l) => ({ action: 'create', record_type: 'case_contact', record_id: String(l.id), fields: ['caseId', 'contactId', 'personId', 'role'] }),
        values: ['henviser', 'NAV'],
      },
      'cases:unlink-contact': {
        prepare: async () => t.ok('cases:link-contact', { caseId: made().id, contactId: (await madeContact()).id, role: 'samarbeidspartner' }).contacts[0]!,
        write: (l) => t.ok('cases:unlink-contact', { id: idOf(l) }),
        expected: (l) => ({ action: 'delete', record_type: 'case_contact', record_id: String(l.id), fields: [] }),
        values: ['samarbeidspartner'],
      },
      'life-domains:create': {
        write: async () => await t.okAsync('life-domains:create', { name: 'Fritid' }),
        expected: (d) => ({ action: 'create', record_type: 'life_domain', record_id: String(d.id), fields: ['name'] }),
        values: ['Fritid'],
      },
      'life-domains:update': {
        write: async () =>
          await t.okAsync('life-domains:update', {
            id: await firstDomain(),
            version: versionOf(t, 'life_domains', await firstDomain()),
            name: 'Bosted',
            retired: true,
          }),
        expected: (d) => ({ action: 'update', record_type: 'life_domain', record_id: String(d.id), fields: ['name', 'retired'] }),
        values: ['Bosted'],
      },
      'contacts:create': {
        write: () => madeContact(),
        expected: contactAudit('create'),
        values: ['NAV Steigen', '75 77 88 00'],
      },
      'contacts:update': {
        prepare: madeContact,
        write: async (c) =>
          await t.okAsync('contacts:update', {
            version: versionOf(t, 'contacts', idOf(c)),
            id: idOf(c),
            ...contactPayload(),
            area: 'other',
            municipalityId: null,
            otherMunicipality: 'Bodø',
            email: 'post@nav.no',
          }),
        expected: contactAudit('update'),
        values: ['Bodø', 'post@nav.no'],
      },
      'contacts:archive': {
        prepare: madeContact,
        write: async (c) => await t.okAsync('contacts:archive', { id: idOf(c), version: versionOf(t, 'contacts', idOf(c)), archived: true }),
        expected: (c) => ({ action: 'archive', record_type: 'contact', record_id: String(c.id), fields: ['archived'] }),
        values: ['NAV Steigen'],
      },
      'contacts:delete': {
        prepare: madeContact,
        write: async (c) => await t.okAsync('contacts:delete', { version: versionOf(t, 'contacts', idOf(c)), id: idOf(c) }),
        expected: (c) => ({ action: 'delete', record_type: 'contact', record_id: String(c.id), fields: [] }),
        values: ['NAV Steigen'],
      },
      'contacts:add-person': {
        prepare: madeContact,
        write: async (c) => (await t.okAsync('contacts:add-person', { contactId: idOf(c), name: 'Kari Veileder', email: 'kari@nav.no' })).people[0]!,
        expected: (p) => ({
          action: 'create',
          record_type: 'contact_person',
          record_id: String(p.id),
          fields: ['contactId', 'email', 'name', 'phone', 'role'],
        }),
        values: ['Kari Veileder', 'kari@nav.no'],
      },
      'contacts:update-person': {
        prepare: async () => (await contactWithPerson()).people[0]!,
        write: async (p) => (await t.okAsync('contacts:update-person', { id: idOf(p), name: 'Kari Nord' }), p as { id: number }),
        expected: (p) => ({ action: 'update', record_type: 'contact_person', record_id: String(p.id), fields: ['email', 'name', 'phone', 'role'] }),
        values: ['Kari Nord'],
      },
      'contacts:delete-person': {
        prepare: async () => (await contactWithPerson()).people[0]!,
        write: async (p) => (await t.okAsync('contacts:delete-person', { id: idOf(p) }), p as { id: number }),
        expected: (p) => ({ action: 'delete', record_type: 'contact_person', record_id: String(p.id), fields: [] }),
        values: ['Kari Veileder'],
      },
      'network:create': {
        write: () => t.okAsync('network:create', { date: '2020-03-02', kind: 'informasjonsmote', municipalityId: steigen, note: 'Presentasjon for NAV' }),
        expected: (e) => ({
          action: 'create',
          record_type: 'network_event',
          record_id: String(e.id),
          fields: ['contactIds', 'date', 'kind', 'municipalityId', 'note'],
        }),
        values: ['Presentasjon', '2020-03-02', 'informasjonsmote'],
      },
      'network:update': {
        prepare: async () => ({ event: await t.okAsync('network:create', { date: '2020-03-02', kind: 'informasjonsmote' }), contact: await madeContact() }),
        write: (p) => {
          const { event, contact } = p as { event: { id: number }; contact: { id: number } };
          return t.okAsync('network:update', {
            id: event.id,
            version: versionOf(t, 'network_events', event.id),
            date: '2020-03-03',
            kind: 'fagnettverk',
            contactIds: [contact.id],
          });
        },
        expected: (e) => ({
          action: 'update',
          record_type: 'network_event',
          record_id: String(e.id),
          fields: ['contactIds', 'date', 'kind', 'municipalityId', 'note'],
        }),
        values: ['2020-03-03', 'fagnettverk'],
      },
      'network:delete': {
        prepare: () => t.okAsync('network:create', { date: '2020-03-02', kind: 'informasjonsmote' }),
        write: (e) => t.okAsync('network:delete', { id: idOf(e), version: versionOf(t, 'network_events', idOf(e)) }),
        expected: (e) => ({ action: 'delete', record_type: 'network_event', record_id: String(e.id), fields: [] }),
        values: ['2020-03-02'],
      },
    });
  /** Shared work only (no case codes), so the import creates no case and writes its one audit row alone. */
  const prepareSheet = async () => {
    const bytes = await workbookBytes({
      Timer: [
        ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
        ['', '03.02.2020', 'Felles', 'Nettverksarbeid', '2,5'],
      ],
    });
    const contentBase64 = bytes.toString('base64');
    const read = await t.okAsync('timesheet:read-file', { jobId: 'revisjon-1234', fileName: 'timer.xlsx', contentBase64 });
    return { jobId: read.jobId, contentBase64 };
  };

  const SCENARIOS: Record<MutationChannelName, WriteScenario> = {
    'session:sign-in': {
      prepare: async () => await t.okAsync('session:sign-out', {}),
      write: async () => (await t.okAsync('session:sign-in', { username: 'marit', password: TEST_PASSWORD })).member!,
      expected: (m) => ({ action: 'sign-in', record_type: 'session', record_id: String(m.id), fields: [] }),
      values: ['marit'],
    },
    'session:sign-out': {
      write: async () => (await t.okAsync('session:sign-out', {}), t.member!),
      expected: (m) => ({ action: 'sign-out', record_type: 'session', record_id: String(m.id), fields: [] }),
      values: ['marit'],
    },
    'team-members:create': {
      write: async () =>
        await t.okAsync('team-members:create', {
          username: 'kari.nord',
          displayName: 'Kari Nordvik',
          initials: 'KNV',
          role: 'administrator',
          password: 'hemmelig-passord',
        }),
      expected: (m) => ({
        action: 'create',
        record_type: 'team_member',
        record_id: String(m.id),
        fields: ['displayName', 'initials', 'password', 'role', 'username'],
      }),
      values: ['kari.nord', 'Kari Nordvik', 'KNV', 'administrator', 'hemmelig-passord'],
    },
    'team-members:update': {
      prepare: async () => await t.addMember('kari.nord', 'Kari Nordvik', 'KN'),
      write: async (m) =>
        await t.okAsync('team-members:update', {
          id: (m as { id: number }).id,
          version: versionOf(t, 'team_members', (m as { id: number }).id),
          displayName: 'Kari Nordvik-Lie',
          initials: 'KN',
          role: 'teammedlem',
        }),
      expected: (m) => ({ action: 'update', record_type: 'team_member', record_id: String(m.id), fields: ['displayName'] }),
      values: ['Kari Nordvik-Lie', 'Nordvik'],
    },
    'team-members:set-active': {
      prepare: async () => await t.addMember('kari.nord', 'Kari Nordvik', 'KN'),
      write: async (m) =>
        await t.okAsync('team-members:set-active', {
          id: (m as { id: number }).id,
          version: versionOf(t, 'team_members', (m as { id: number }).id),
          active: false,
        }),
      expected: (m) => ({ action: 'deactivate', record_type: 'team_member', record_id: String(m.id), fields: ['active'] }),
      values: ['false', 'Kari'],
    },
    'team-members:set-password': {
      prepare: async () => await t.addMember('kari.nord', 'Kari Nordvik', 'KN'),
      write: async (m) => await t.okAsync('team-members:set-password', { id: (m as { id: number }).id, password: 'et-nytt-hemmelig-passord' }),
      expected: (m) => ({ action: 'password-change', record_type: 'team_member', record_id: String(m.id), fields: ['password'] }),
      values: ['et-nytt-hemmelig-passord', 'scrypt'],
    },
    'session:lock': {
      write: async () => (await t.okAsync('session:lock', {}), t.member!),
      expected: (m) => ({ action: 'lock', record_type: 'session', record_id: String(m.id), fields: [] }),
      values: ['marit'],
    },
    'session:unlock': {
      prepare: async () => await t.okAsync('session:lock', {}),
      write: async () => (await t.okAsync('session:unlock', { password: TEST_PASSWORD }), t.member!),
      expected: (m) => ({ action: 'unlock', record_type: 'session', record_id: String(m.id), fields: [] }),
      values: [TEST_PASSWORD, 'marit'],
    },
    'session:change-password': {
      write: async () => (await t.okAsync('session:change-password', { currentPassword: TEST_PASSWORD, newPassword: 'et-nytt-hemmelig-passord' }), t.member!),
      expected: (m) => ({ action: 'password-change', record_type: 'team_member', record_id: String(m.id), fields: ['password'] }),
      values: [TEST_PASSWORD, 'et-nytt-hemmelig-passord'],
    },
    'cases:set-closure-note': caseTextScenario('cases:set-closure-note', { closureNote: 'Overført til kommunen' }, ['kommunen']),
    'cases:set-texts': caseTextScenario(
      'cases:set-texts',
      { referralReason: 'Trenger hjelp med bolig etter soning', teamAssessment: 'Anbefaler fast kontaktperson i kommunen' },
      ['soning', 'kontaktperson'],
    ),
    'audit:export': {
      write: async () => (await t.okAsync('audit:export', { filter: { caseCode: '03/20-ST', from: '2020-01-01' } }), { id: 0 }),
      expected: () => ({ action: 'export', record_type: 'audit_log', record_id: null, fields: ['caseCode', 'from'] }),
      values: ['03/20-ST', '2020-01-01'],
    },
    'retention:run': {
      prepare: () => {
        const old = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', staffIds: [t.member!.id] });
        t.ok('cases:set-closure-note', { version: versionOf(t, 'cases', old.id), id: old.id, closureNote: 'Gammelt notat' });
        // No channel closes a case yet in this slice: the closing date is arranged directly.
        t.db.sqlite.prepare("update cases set status = 'avsluttet', closed_date = '2020-05-01' where id = ?").run(old.id);
        return old;
      },
      // Five years and more later.
      write: async (c) => {
        const later = t.dispatcherAt(RETENTION_NOW);
        const result = await later.dispatchAsync('retention:run', { caseIds: [(c as { id: number }).id] });
        if (!result.ok) throw new Error(result.error.message);
        return { id: 0 };
      },
      expected: () => ({
        action: 'retention',
        record_type: 'retention',
        record_id: null,
        fields: ['caseIds', 'case_staff', 'cases.closure_note'],
        at: RETENTION_NOW,
      }),
      values: ['Gammelt notat', '2020-05-01', '20-ST'],
    },
    'cases:create': {
      write: () => t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', code: '03/20-ST', staffIds: [t.member!.id] }),
      expected: (c) => ({
        action: 'create',
        record_type: 'case',
        record_id: String(c.id),
        fields: ['code', 'municipalityId', 'referralDate', 'staffIds', 'status'],
      }),
      values: ['03/20-ST', '03/20', '2020-03-01', 'henvist'],
    },
    'time-entries:create': {
      prepare: prepareCase,
      write: async () => await t.okAsync('time-entries:create', entryPayload()),
      expected: (e) => ({
        action: 'create',
        record_type: 'time_entry',
        record_id: String(e.id),
        fields: ['caseCode', 'categoryId', 'date', 'hours', 'municipalityId', 'participantIds'],
      }),
      values: ['03/20-ST', '2020-03-02', '1,5', '1.5', '90'],
    },
    'time-entries:update': {
      prepare: async () => (prepareCase(), await t.okAsync('time-entries:create', entryPayload())),
      write: async (created) =>
        await t.okAsync('time-entries:update', {
          version: versionOf(t, 'time_entries', (created as { id: number }).id),
          ...entryPayload(),
          id: (created as { id: number }).id,
          hours: '3,5',
          date: '2020-03-04',
        }),
      expected: (e) => ({ action: 'update', record_type: 'time_entry', record_id: String(e.id), fields: ['date', 'hours'] }),
      values: ['3,5', '210', '2020-03-04', '2020-03-02', '90'],
    },
    'settings:update': {
      // The folder must exist and take a file (the setting is checked); relative to the database's folder.
      prepare: () => mkdirSync(join(t.dir, 'Ettervern-kopier')),
      write: async () => (
        await t.okAsync('settings:update', { version: versionOf(t, 'settings', 0), followUpWarningWeeks: 9, backupFolder: 'Ettervern-kopier' }),
        { id: 0 }
      ),
      expected: () => ({ action: 'update', record_type: 'settings', record_id: null, fields: ['backupFolder', 'followUpWarningWeeks'] }),
      values: ['Ettervern-kopier', '9'],
    },
    'cost-share:save-settings': {
      write: async () => {
        await t.okAsync('cost-share:save-settings', {
          year: 2020,
          version: (await t.okAsync('cost-share:get-settings', { year: 2020 })).version,
          parameters: { budget: 4_321_000, baseAmount: 150_000, bandRates: [1, 0.8, 0.6, 0.4], hourlyRate: 850 },
          municipalities: [{ municipalityId: steigen, population: 2531, extraHours: 12.5 }],
        });
        return { id: 2020 };
      },
      expected: () => ({
        action: 'update',
        record_type: 'cost_share',
        record_id: '2020',
        fields: ['bandRates', 'baseAmount', 'budget', 'extraHours', 'hourlyRate', 'population'],
      }),
      values: ['4321000', '2531', '12.5'],
    },
    ...CASE_LIFE_SCENARIOS(),
    ...DOCUMENT_SCENARIOS(),
    'backups:create': {
      write: async () => (await t.okAsync('backups:create', {}), { id: 0 }),
      expected: () => ({ action: 'backup', record_type: 'database', record_id: null, fields: [] }),
      values: [],
    },
    'backups:restore': {
      // The backup holds the log as it was before its own «backup» row; the restore row follows that.
      prepare: async () => ({ logInBackup: lastAuditId(t), backup: await t.okAsync('backups:create', {}) }),
      since: (prepared) => (prepared as { logInBackup: number }).logInBackup,
      write: async (prepared) => (await t.okAsync('backups:restore', { fileName: (prepared as { backup: { fileName: string } }).backup.fileName }), { id: 0 }),
      expected: () => ({ action: 'restore', record_type: 'database', record_id: null, fields: ['fileName'] }),
      values: ['ettervern-'],
    },
    'database:share': {
      prepare: () => sharedFolder(t, 'felles'),
      write: async (folder) => (await t.okAsync('database:share', { folder: folder as string }), { id: 0 }),
      expected: () => ({ action: 'share', record_type: 'database', record_id: null, fields: ['folder'] }),
      values: ['felles'],
    },
    'database:open-shared': {
      prepare: async () => (await t.okAsync('database:share', { folder: sharedFolder(t, 'teamet') })).path,
      write: (path) => (t.ok('database:open-shared', { file: path as string }), { id: 0 }),
      expected: () => ({ action: 'open-shared', record_type: 'database', record_id: null, fields: ['file'] }),
      values: ['teamet'],
    },
    'time-entries:delete': {
      prepare: async () => (prepareCase(), await t.okAsync('time-entries:create', entryPayload())),
      write: async (created) =>
        await t.okAsync('time-entries:delete', { version: versionOf(t, 'time_entries', (created as { id: number }).id), id: (created as { id: number }).id }),
      expected: (e) => ({ action: 'delete', record_type: 'time_entry', record_id: String(e.id), fields: [] }),
      values: ['03/20-ST', '2020-03-02', '90'],
    },
    'timesheet:import': {
      prepare: prepareSheet,
      write: async (read) => ({ id: (await t.okAsync('timesheet:import', { jobId: (read as { jobId: string }).jobId })).importId! }),
      expected: (i) => ({ action: 'import', record_type: 'time_entry_import', record_id: String(i.id), fields: ['rows'] }),
      values: ['Felles', 'Nettverksarbeid', '2020-02-03', '2,5', '150', 'timer.xlsx'],
    },
    'time-entries:export': {
      prepare: async () => (prepareCase(), await t.okAsync('time-entries:create', entryPayload())),
      write: async () => (await t.okAsync('time-entries:export', { format: 'csv', filter: { caseCode: '03/20-ST', from: '2020-01-01' } }), { id: 0 }),
      expected: () => ({ action: 'export', record_type: 'time_entry_export', record_id: null, fields: ['caseCode', 'from'] }),
      values: ['03/20-ST', '2020-01-01', '2020-03-02'],
    },
    'annual-report:save-text': {
      write: async () => (
        await t.okAsync('annual-report:save-text', { year: 2020, section: 'incidents', text: 'Ingen alvorlige hendelser i Steigen', version: 0 }),
        { id: 2020 }
      ),
      expected: () => ({ action: 'update', record_type: 'annual_report_text', record_id: '2020', fields: ['incidents'] }),
      values: ['Ingen alvorlige hendelser', 'Steigen'],
    },
    'annual-report:generate': {
      prepare: async () => (prepareCase(), await t.okAsync('time-entries:create', entryPayload())),
      write: async () => (await t.okAsync('annual-report:generate', { year: 2020 }), { id: 2020 }),
      // One row for the pair of files.
      expected: () => ({ action: 'document', record_type: 'annual_report', record_id: '2020', fields: ['docx', 'xlsx'] }),
      values: ['03/20-ST', 'Årsrapport'],
    },
    'statistics:export-table': {
      prepare: async () => (prepareCase(), await t.okAsync('time-entries:create', entryPayload())),
      write: async () => (
        await t.okAsync('statistics:export-table', { period: { year: 2020 }, pivot: { rows: 'case', columns: 'municipality', measure: 'hours' } }),
        { id: 0 }
      ),
      expected: () => ({ action: 'export', record_type: 'statistics_export', record_id: null, fields: ['columns', 'measure', 'period', 'rows'] }),
      values: ['03/20-ST', '2020', 'Steigen', '1,5'],
    },
  };
  return SCENARIOS;
}
