import type { ChannelInput, QueryChannelName } from '@shared/contract';
import { PIVOT_DIMENSIONS, PIVOT_MEASURES } from '@shared/domain/statistics';
import { buildClosedCase } from './documentCases';
import { categoryId, municipalityId, type TestDatabase } from './testDatabase';
import { workbookBytes } from './timesheetFiles';

type ReadCalls = { [C in QueryChannelName]: readonly ChannelInput<C>[] };

const YEAR = { year: 2020 } as const;
const HALF_YEAR = { from: '2020-01-01', to: '2020-06-30' } as const;

/** Every pivot layout: rows × columns (or none) × measure, the axes distinct. */
function everyPivot() {
  const layouts: ChannelInput<'statistics:pivot'>[] = [];
  for (const rows of PIVOT_DIMENSIONS) {
    for (const columns of [...PIVOT_DIMENSIONS, 'none' as const]) {
      if (columns === rows) continue;
      for (const measure of PIVOT_MEASURES) layouts.push({ period: YEAR, rows, columns, measure });
    }
  }
  return layouts;
}

/**
 * Fills a test database with one of everything — a case through its whole life with goals, partners,
 * ratings and time; a network event; an evaluation; a generated document; report texts and cost-share
 * figures; a time sheet read and waiting — and returns calls for every query channel, several where the
 * input chooses what is read (filters, sorting, pivot layouts). Every call is meant to succeed.
 */
export async function readCalls(t: TestDatabase): Promise<ReadCalls> {
  const steigen = municipalityId(t, 'Steigen');
  const closed = await buildClosedCase(t);
  const open = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-05-04', staffIds: [t.member!.id] });
  await t.okAsync('time-entries:create', { date: '2020-05-05', municipalityId: municipalityId(t, 'Felles'), categoryId: categoryId(t, 7), hours: '2' });
  const contact = await t.okAsync('contacts:create', { name: 'NAV Salten', kind: 'nav', area: 'regional' });
  await t.okAsync('network:create', { date: '2020-03-02', kind: 'informasjonsmote', municipalityId: steigen, note: 'Presentasjon', contactIds: [contact.id] });
  await t.okAsync('evaluations:register', {
    caseCode: closed.code,
    receivedDate: '2020-06-13',
    consentToContact: true,
    answers: { respekt: 5, fungerte: 'Besøkene' },
  });
  const template = (await t.okAsync('templates:list', { kind: 'closure-report' }))[0]!;
  await t.okAsync('documents:generate', { caseId: closed.caseId, kind: 'closure-report' });
  await t.okAsync('annual-report:save-text', { year: 2020, section: 'incidents', text: 'Ingen hendelser', version: 0 });
  await t.okAsync('cost-share:save-settings', {
    year: 2020,
    version: (await t.okAsync('cost-share:get-settings', { year: 2020 })).version,
    parameters: { budget: 4_000_000, baseAmount: 150_000, bandRates: [1, 0.8, 0.6, 0.4], hourlyRate: 850 },
    municipalities: [{ municipalityId: steigen, population: 2531, extraHours: 10 }],
  });
  const sheet = (
    await workbookBytes({
      Timer: [
        ['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'],
        [closed.code, '03.02.2020', 'Steigen', 'Kjøring', '1,5'],
        ['', '31.02.2020', 'Felles', 'Ukjent', 'x'],
      ],
    })
  ).toString('base64');
  const read = await t.okAsync('timesheet:read-file', { jobId: 'lesing-12345', fileName: 'timer.xlsx', contentBase64: sheet });
  const job = { jobId: read.jobId };

  return {
    'session:get-current': [{}],
    'team-members:list': [{}],
    'municipalities:list': [{}],
    'categories:list': [{}],
    'cases:next-code': [{ municipalityId: steigen, referralDate: '2020-03-01' }],
    'cases:list': [{}, { status: 'avsluttet', municipalityId: steigen, year: 2020, staffId: t.member!.id, search: '20-ST' }],
    'cases:page': [
      {},
      { filter: { status: 'henvist', search: 'ST' }, sort: { field: 'minutes', direction: 'desc' } },
      { sort: { field: 'municipality', direction: 'asc' }, page: 1, pageSize: 1 },
    ],
    'cases:get': [{ id: closed.caseId }, { id: open.id }],
    'cases:caseload': [{}],
    'life-domains:list': [{}],
    'contacts:list': [{}],
    'contacts:get': [{ id: contact.id }],
    'network:list': [{}],
    'overview:get': [{}],
    'time-entries:list': [
      {},
      {
        filter: {
          from: '2020-01-01',
          to: '2020-12-31',
          caseCode: closed.code,
          municipalityId: steigen,
          categoryId: categoryId(t, 1),
          teamMemberId: t.member!.id,
        },
      },
      { sort: { field: 'caseCode', direction: 'asc' } },
      { sort: { field: 'category', direction: 'desc' } },
    ],
    'time-entries:week': [{ teamMemberId: t.member!.id, weekStart: '2020-02-17' }],
    'time-entries:case-suggestions': [{}, { search: '20-ST', limit: 5 }],
    'timesheet:read-file': [{ jobId: 'lesing-67890', fileName: 'timer.xlsx', contentBase64: sheet }],
    'timesheet:preview': [job],
    'timesheet:progress': [job],
    'timesheet:rejected-rows': [job],
    'statistics:annual': [YEAR],
    'statistics:pivot': everyPivot(),
    'statistics:familiar-tables': [{ period: YEAR }, { period: HALF_YEAR }],
    'statistics:case-figures': [{ period: YEAR }, { period: HALF_YEAR }],
    'statistics:lasting-change': [{ period: YEAR }, { period: HALF_YEAR }],
    'statistics:cost-share': [YEAR],
    'annual-report:texts': [YEAR],
    'cost-share:get-settings': [YEAR],
    'settings:get': [{}],
    'backups:list': [{}],
    'system:status': [{}],
    'database:info': [{}],
    'database:changes': [{}],
    'database:presence': [{}],
    'database:choose-folder': [{}],
    'database:choose-file': [{}],
    'audit:list': [{}, { filter: { actorId: t.member!.id, caseCode: closed.code, action: 'update' } }],
    'audit:verify': [{}],
    'retention:preview': [{}],
    'templates:list': [{}],
    'templates:placeholders': [{}],
    'templates:download': [{ id: template.id }],
    'documents:list': [{ caseId: closed.caseId }],
    'evaluations:list': [{}, { caseId: closed.caseId, year: 2020 }],
    'evaluations:summary': [YEAR],
  };
}
