import type { Selectable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogTable } from '../../electron/db/schema';
import { contract, type ChannelName } from '../../shared/contract';
import { workbookBytes } from '../support/timesheetFiles';
import { categoryId, createTestDatabase, municipalityId, TEST_NOW, type TestDatabase } from '../support/testDatabase';

type AuditRow = Selectable<AuditLogTable>;

let t: TestDatabase;
let steigen: number;

beforeEach(async () => {
  t = await createTestDatabase();
  steigen = municipalityId(t, 'Steigen');
});
afterEach(() => t.close());

const lastAuditId = () => (t.db.sqlite.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
const auditSince = (id: number) => t.db.sqlite.prepare('select * from audit_log where id > ? order by id').all(id) as AuditRow[];

interface Scenario {
  /** Whatever must exist before the write. */
  prepare?: () => unknown;
  /** Channels answered in a worker (import, export) write asynchronously. */
  write: (prepared: unknown) => { id: number } | Promise<{ id: number }>;
  expected: (written: { id: number }) => { action: string; record_type: string; record_id: string | null; fields: string[] };
  /** Values sent with the write; none may appear in the audit row. */
  values: string[];
}

const entryPayload = () => ({
  date: '2020-03-02',
  caseCode: '03/20-ST',
  municipalityId: steigen,
  categoryId: categoryId(t, 2),
  hours: '1,5',
});
const prepareCase = () => t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', code: '03/20-ST' });

/** Shared work only (no case codes), so the import creates no case and writes its one audit row alone. */
const prepareSheet = async () => {
  const bytes = await workbookBytes({ Timer: [['Sak', 'Dato', 'Kommune', 'Hendelse', 'Tidsbruk'], ['', '03.02.2020', 'Felles', 'Nettverksarbeid', '2,5']] });
  const contentBase64 = bytes.toString('base64');
  const read = await t.okAsync('timesheet:read-file', { jobId: 'revisjon-1234', fileName: 'timer.xlsx', contentBase64 });
  return { jobId: read.jobId, contentBase64 };
};

const SCENARIOS: Record<string, Scenario> = {
  'session:sign-in': {
    prepare: () => t.ok('session:sign-out', {}),
    write: () => t.ok('session:sign-in', { username: 'marit' }).member!,
    expected: (m) => ({ action: 'sign-in', record_type: 'session', record_id: String(m.id), fields: [] }),
    values: ['marit'],
  },
  'session:sign-out': {
    write: () => (t.ok('session:sign-out', {}), t.member!),
    expected: (m) => ({ action: 'sign-out', record_type: 'session', record_id: String(m.id), fields: [] }),
    values: ['marit'],
  },
  'team-members:create': {
    write: () => t.ok('team-members:create', { username: 'kari.nord', displayName: 'Kari Nordvik', initials: 'KNV', role: 'administrator' }),
    expected: (m) => ({ action: 'create', record_type: 'team_member', record_id: String(m.id), fields: ['displayName', 'initials', 'role', 'username'] }),
    values: ['kari.nord', 'Kari Nordvik', 'KNV', 'administrator'],
  },
  'cases:create': {
    write: () => t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01', code: '03/20-ST', staffIds: [t.member!.id] }),
    expected: (c) => ({ action: 'create', record_type: 'case', record_id: String(c.id), fields: ['code', 'municipalityId', 'referralDate', 'staffIds', 'status'] }),
    values: ['03/20-ST', '03/20', '2020-03-01', 'henvist'],
  },
  'time-entries:create': {
    prepare: prepareCase,
    write: () => t.ok('time-entries:create', entryPayload()),
    expected: (e) => ({
      action: 'create',
      record_type: 'time_entry',
      record_id: String(e.id),
      fields: ['caseCode', 'categoryId', 'date', 'minutes', 'municipalityId', 'participantIds'],
    }),
    values: ['03/20-ST', '2020-03-02', '1,5', '1.5', '90'],
  },
  'time-entries:update': {
    prepare: () => (prepareCase(), t.ok('time-entries:create', entryPayload())),
    write: (created) => t.ok('time-entries:update', { ...entryPayload(), id: (created as { id: number }).id, hours: '3,5', date: '2020-03-04' }),
    expected: (e) => ({ action: 'update', record_type: 'time_entry', record_id: String(e.id), fields: ['date', 'minutes'] }),
    values: ['3,5', '210', '2020-03-04', '2020-03-02', '90'],
  },
  'settings:update': {
    write: () => (t.ok('settings:update', { followUpWarningWeeks: 9, backupFolder: 'D:\\Ettervern-kopier' }), { id: 0 }),
    expected: () => ({ action: 'update', record_type: 'settings', record_id: null, fields: ['backupFolder', 'followUpWarningWeeks'] }),
    values: ['Ettervern-kopier', '9'],
  },
  'time-entries:delete': {
    prepare: () => (prepareCase(), t.ok('time-entries:create', entryPayload())),
    write: (created) => t.ok('time-entries:delete', { id: (created as { id: number }).id }),
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
    prepare: () => (prepareCase(), t.ok('time-entries:create', entryPayload())),
    write: async () => (await t.okAsync('time-entries:export', { format: 'csv', filter: { caseCode: '03/20-ST', from: '2020-01-01' } }), { id: 0 }),
    expected: () => ({ action: 'export', record_type: 'time_entry_export', record_id: null, fields: ['caseCode', 'from'] }),
    values: ['03/20-ST', '2020-01-01', '2020-03-02'],
  },
};

describe('audit log', () => {
  it('has a scenario for every write channel in the contract', () => {
    const writes = (Object.keys(contract) as ChannelName[]).filter((name) => contract[name].kind === 'mutation');
    expect(Object.keys(SCENARIOS).sort()).toEqual(writes.sort());
  });

  it.each(Object.entries(SCENARIOS))('%s writes exactly one audit row with names, never values', async (_channel, scenario) => {
    const prepared = await scenario.prepare?.();
    const since = lastAuditId();
    const written = await scenario.write(prepared);
    const rows = auditSince(since);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect({ ...row, fields: JSON.parse(row.fields) }).toEqual({
      id: expect.any(Number),
      at: TEST_NOW,
      actor_id: t.member!.id,
      ...scenario.expected(written),
    });
    for (const value of scenario.values) {
      expect(row.fields, value).not.toContain(value);
      expect(JSON.stringify({ ...row, at: '' }), value).not.toContain(value);
    }
  });

  it('a refused write leaves no audit row', () => {
    const since = lastAuditId();
    t.call('time-entries:create', { ...entryPayload(), hours: '0,25' });
    t.call('cases:create', { municipalityId: municipalityId(t, 'Felles'), referralDate: '2020-03-01' });
    t.call('team-members:create', { username: 'marit', displayName: 'Marit', initials: 'MS' });
    expect(auditSince(since)).toEqual([]);
  });

  it('reading writes no audit row', async () => {
    const made = prepareCase();
    const sheet = await prepareSheet();
    const since = lastAuditId();
    const readPayloads: Record<string, unknown> = {
      'statistics:annual': { year: 2020 },
      'cases:get': { id: made.id },
      'cases:next-code': { municipalityId: steigen, referralDate: '2020-03-01' },
      'time-entries:week': { teamMemberId: t.member!.id, weekStart: '2020-06-15' },
      'timesheet:read-file': { jobId: 'lesing-12345', fileName: 'timer.xlsx', contentBase64: sheet.contentBase64 },
      'timesheet:preview': { jobId: sheet.jobId },
      'timesheet:progress': { jobId: sheet.jobId },
      'timesheet:rejected-rows': { jobId: sheet.jobId },
    };
    const reads = (Object.keys(contract) as ChannelName[]).filter((name) => contract[name].kind === 'query');
    for (const channel of reads) expect((await t.dispatcher.dispatchAsync(channel, readPayloads[channel] ?? {})).ok, channel).toBe(true);
    expect(auditSince(since)).toEqual([]);
  });
});
