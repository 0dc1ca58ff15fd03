import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFERRAL_REASON_MAX_LENGTH, TEAM_ASSESSMENT_MAX_LENGTH } from '@shared/contract/cases/closureNote';
import { createTestDatabase, municipalityId, versionOf, type TestDatabase } from '../support/testDatabase';

/** The referral reason and the team's assessment on a case (migration 0014), through the dispatcher. */
let t: TestDatabase;
let caseId: number;

beforeEach(async () => {
  t = await createTestDatabase();
  caseId = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01' }).id;
});
afterEach(() => t.close());

const version = () => versionOf(t, 'cases', caseId);
const lastAudit = () => t.db.sqlite.prepare("select action, fields from audit_log where action <> 'view' order by id desc limit 1").get();

describe('case texts for the closure report', () => {
  it('saves both texts, shows them on the case and names only the fields in the audit row', () => {
    const saved = t.ok('cases:set-texts', {
      id: caseId,
      version: version(),
      referralReason: ' Bolig etter soning ',
      teamAssessment: 'Trenger fast kontakt.\nAnbefaler NAV-veileder.',
    });
    expect(saved).toEqual({
      id: caseId,
      referralReason: 'Bolig etter soning',
      teamAssessment: 'Trenger fast kontakt.\nAnbefaler NAV-veileder.',
      version: version(),
    });
    expect(t.ok('cases:get', { id: caseId })).toMatchObject({
      referralReason: 'Bolig etter soning',
      teamAssessment: 'Trenger fast kontakt.\nAnbefaler NAV-veileder.',
    });
    expect(lastAudit()).toEqual({ action: 'update', fields: JSON.stringify(['referralReason', 'teamAssessment']) });
  });

  it('changes only the field that is sent, and stores an emptied field as no text', () => {
    t.ok('cases:set-texts', { id: caseId, version: version(), referralReason: 'Rus og bolig', teamAssessment: 'Vurdering' });
    t.ok('cases:set-texts', { id: caseId, version: version(), teamAssessment: '' });
    expect(t.ok('cases:get', { id: caseId })).toMatchObject({ referralReason: 'Rus og bolig', teamAssessment: null });
    expect(lastAudit()).toEqual({ action: 'update', fields: JSON.stringify(['teamAssessment']) });
  });

  it('refuses text over the limit with a Norwegian message on the field, and saves nothing', () => {
    const before = version();
    const refused = t.call('cases:set-texts', { id: caseId, version: before, referralReason: 'x'.repeat(REFERRAL_REASON_MAX_LENGTH + 1) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', fieldErrors: { referralReason: expect.stringMatching(/300/) } } });
    expect(t.call('cases:set-texts', { id: caseId, version: before, teamAssessment: 'x'.repeat(TEAM_ASSESSMENT_MAX_LENGTH + 1) })).toMatchObject({
      ok: false,
      error: { fieldErrors: { teamAssessment: expect.any(String) } },
    });
    expect(version()).toBe(before);
  });

  it('refuses a save with neither field, and one on a case reduced to statistics', () => {
    expect(t.call('cases:set-texts', { id: caseId, version: version() })).toMatchObject({ ok: false, error: { code: 'validation' } });
    t.db.sqlite.prepare("update cases set reduced_at = '2025-01-01T00:00:00Z' where id = ?").run(caseId);
    expect(t.call('cases:set-texts', { id: caseId, version: version(), referralReason: 'Ny' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', fieldErrors: { referralReason: 'Saken er redusert til statistikk' } },
    });
    expect(t.db.sqlite.prepare('select referral_reason from cases where id = ?').get(caseId)).toEqual({ referral_reason: null });
  });
});
