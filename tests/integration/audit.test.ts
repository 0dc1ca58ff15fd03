import type { Selectable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogTable } from '../../electron/db/schema';
import { CHANNEL_NAMES, contract, type MutationChannelName, type QueryChannelName } from '@shared/contract';
import { readCalls } from '../support/readCalls';
import { lastAuditId, sampleCase, sampleEntry, writeScenarios } from '../support/writeScenarios';
import { createTestDatabase, municipalityId, TEST_NOW, TEST_PASSWORD, versionOf, type TestDatabase } from '../support/testDatabase';

type AuditRow = Selectable<AuditLogTable>;

let t: TestDatabase;

beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const auditSince = (id: number) => t.db.sqlite.prepare('select * from audit_log where id > ? order by id').all(id) as AuditRow[];
const mutations = CHANNEL_NAMES.filter((channel): channel is MutationChannelName => contract[channel].kind === 'mutation');
const queries = CHANNEL_NAMES.filter((channel): channel is QueryChannelName => contract[channel].kind === 'query');

const entryPayload = () => sampleEntry(t);
const prepareCase = () => sampleCase(t);

describe('audit log', () => {
  it('has a scenario for every write channel in the contract', () => {
    expect(Object.keys(writeScenarios(t)).sort()).toEqual([...mutations].sort());
  });

  it.each(mutations)('%s writes exactly one audit row with names, never values', async (channel) => {
    const scenario = writeScenarios(t)[channel];
    const prepared = await scenario.prepare?.();
    const since = scenario.since?.(prepared) ?? lastAuditId(t);
    const written = await scenario.write(prepared);
    const rows = auditSince(since);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect({ ...row, fields: JSON.parse(row.fields) }).toEqual({
      id: expect.any(Number),
      at: TEST_NOW,
      actor_id: t.member!.id,
      ...scenario.expected(written),
      prev_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    for (const value of scenario.values) {
      expect(row.fields, value).not.toContain(value);
      expect(JSON.stringify({ ...row, at: '', prev_hash: '', hash: '' }), value).not.toContain(value);
    }
  });

  it('a refused write leaves no audit row', async () => {
    const since = lastAuditId(t);
    await t.callAsync('time-entries:create', { ...entryPayload(), hours: '0,25' });
    t.call('cases:create', { municipalityId: municipalityId(t, 'Felles'), referralDate: '2020-03-01' });
    await t.callAsync('team-members:create', { username: 'marit', displayName: 'Marit', initials: 'MS', password: TEST_PASSWORD });
    await t.callAsync('team-members:set-active', { id: t.member!.id, version: versionOf(t, 'team_members', t.member!.id), active: false });
    await t.callAsync('session:unlock', { password: TEST_PASSWORD });
    expect(auditSince(since)).toEqual([]);
  });

  it('reading writes no audit row, except opening a case page', async () => {
    const calls = await readCalls(t);
    const since = lastAuditId(t);
    for (const channel of queries.filter((name) => name !== 'cases:get')) {
      for (const input of calls[channel]) expect((await t.dispatcher.dispatchAsync(channel, input)).ok, channel).toBe(true);
    }
    expect(auditSince(since)).toEqual([]);
  });

  it('opening a case page writes one view row naming the case, and a missing case writes none', () => {
    const made = prepareCase();
    const since = lastAuditId(t);
    t.ok('cases:get', { id: made.id });
    expect(auditSince(since).map((row) => ({ ...row, fields: JSON.parse(row.fields) }))).toEqual([
      expect.objectContaining({ action: 'view', record_type: 'case', record_id: String(made.id), actor_id: t.member!.id, fields: [] }),
    ]);
    const after = lastAuditId(t);
    expect(t.call('cases:get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(auditSince(after)).toEqual([]);
  });
});
