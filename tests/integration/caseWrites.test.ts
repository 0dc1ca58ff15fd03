import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCase } from '../../electron/cli/demo/serviceCall';
import { fixedClock, type SignedInContext } from '../../electron/services/context';
import { caseWrites } from '../../electron/services/cases/writes';
import { ServiceError } from '../../electron/services/errors/serviceError';
import { signedInContextSync } from '../../electron/services/session/actor';
import { createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/**
 * The case writes without their answer (the demo's fast path) are the channels' own writes: the same
 * checks, the same rows, the same audit row — only the re-read of the whole case is left out.
 */
const NOW = '2021-06-15T10:00:00.000Z';
let t: TestDatabase;
let ctx: SignedInContext;
let caseId: number;

beforeEach(async () => {
  t = await createTestDatabase({ now: NOW });
  const actor = { id: t.member!.id, username: t.member!.username, role: t.member!.role };
  ctx = signedInContextSync({ db: t.db, actor, clock: fixedClock(NOW), session: { actor } });
  caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-01-10', staffIds: [t.member!.id] }).id;
});
afterEach(() => t.close());

const lastAudit = () => t.db.sqlite.prepare('select action, record_type, fields from audit_log order by id desc limit 1').get();

describe('case writes without the answer', () => {
  it('leave the channels answering with the whole case as it is after the write', async () => {
    expect(Object.keys(caseWrites)).toHaveLength(13);
    const jonas = (await t.addMember('jonas', 'Jonas Berg', 'JB')).id;
    const answer = t.ok('cases:set-staff', { version: versionOf(t, 'cases', caseId), id: caseId, staffIds: [jonas, t.member!.id] });
    expect(answer.staff.map((s) => s.initials)).toEqual(['JB', 'MS']);
    expect(answer.transitions.map((x) => x.toStatus)).toEqual(['henvist']);
    expect(
      t.ok('cases:link-contact', {
        caseId,
        contactId: (await t.okAsync('contacts:create', { name: 'NAV Steigen', kind: 'nav', area: 'regional' })).id,
        role: 'henviser',
      }).contacts,
    ).toHaveLength(1);
  });

  it('write the same rows and audit row as the channel', async () => {
    const before = t.counts();
    await writeCase(ctx, 'cases:record-risk-assessment', { id: caseId, date: '2021-01-11', assessedById: t.member!.id, done: true });
    expect(t.counts().audit_log).toBe(before.audit_log + 1);
    const viaWrite = lastAudit();
    await writeCase(ctx, 'cases:start-follow-up', { id: caseId, startDate: '2021-01-20' });
    expect(t.ok('cases:get', { id: caseId })).toMatchObject({ status: 'oppfolging', startDate: '2021-01-20', riskAssessed: true });

    const other = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2021-01-10' }).id;
    const answer = t.ok('cases:record-risk-assessment', {
      version: versionOf(t, 'cases', other),
      id: other,
      date: '2021-01-11',
      assessedById: t.member!.id,
      done: true,
    });
    expect(answer.risk).toMatchObject({ date: '2021-01-11', done: true });
    expect(lastAudit()).toEqual(viaWrite);
  });

  it('refuse what the channel refuses, and write nothing', async () => {
    const before = t.counts();
    await expect(writeCase(ctx, 'cases:close', { id: caseId, closedDate: '2021-02-01', closureReason: 'mal_naadd' })).rejects.toThrow(ServiceError);
    await expect(writeCase(ctx, 'cases:reject', { id: caseId, date: '2020-12-31' })).rejects.toThrow(/henvisningsdatoen/);
    await expect(writeCase(ctx, 'cases:set-staff', { id: caseId, staffIds: [4242] })).rejects.toThrow(ServiceError);
    await expect(writeCase(ctx, 'cases:reject', { id: caseId, date: '31.12.2020' })).rejects.toThrow();
    expect(t.counts()).toEqual(before);
    expect(t.ok('cases:get', { id: caseId }).status).toBe('henvist');
  });
});
