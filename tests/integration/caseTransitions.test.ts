import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { CASE_STATUSES, type CaseStatus } from '@shared/domain/caseStatus';
import { LIFECYCLE_STEPS, statusAfter, STEP_REFUSAL, type LifecycleStep } from '@shared/domain/caseTransitions';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/**
 * The transition table against the services: a case is put in each status (written straight into the
 * row, with everything else a step could ask for already in place: a risk assessment, an institution
 * phase, dates in order) and every step is tried on it through the dispatcher.
 */
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/** Valid for every status: later than every date the arranged case holds, not in the future. */
const STEP_DATE = '2020-04-01';

type StepChannel = `cases:${LifecycleStep}`;
// Each case is fresh (version 1): only the status decides whether a step is accepted.
const payloads: { [S in LifecycleStep]: (id: number) => ChannelInput<`cases:${S}`> } = {
  reject: (id) => ({ id, version: 1, date: STEP_DATE }),
  'enter-institution': (id) => ({ id, version: 1, date: STEP_DATE, institutionKind: 'fengsel' }),
  'update-institution': (id) => ({ id, version: 1, institutionKind: 'sykehus_dps', dischargeDate: STEP_DATE }),
  'start-follow-up': (id) => ({ id, version: 1, startDate: STEP_DATE }),
  close: (id) => ({ id, version: 1, closedDate: STEP_DATE, closureReason: 'overfort' }),
  'record-after-contact': (id) => ({ id, version: 1, contactDate: STEP_DATE }),
  reopen: (id) => ({ id, version: 1, date: STEP_DATE }),
};

function caseIn(status: CaseStatus): number {
  const { id } = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-01-10' });
  const closed = status === 'avsluttet' || status === 'etteroppfolging_utfort';
  t.db.sqlite
    .prepare(
      `update cases set status = ?, risk_assessment_done = 1, risk_assessment_date = '2020-01-11',
         institution_kind = 'behandlingsinstitusjon', institution_from = '2020-01-12', start_date = '2020-01-15',
         closed_date = ?, closure_reason = ?, after_contact_date = ? where id = ?`,
    )
    // Closed 2020-02-01: STEP_DATE is then more than the 8 weeks a three-month contact must wait.
    .run(status, closed ? '2020-02-01' : null, closed ? 'mal_naadd' : null, status === 'etteroppfolging_utfort' ? '2020-03-30' : null, id);
  return id;
}

const pairs = CASE_STATUSES.flatMap((status) => LIFECYCLE_STEPS.map((step) => [status, step] as const));

describe('the case lifecycle', () => {
  it.each(pairs)('from «%s», %s is accepted exactly when the transition table allows it', (status, step) => {
    const id = caseIn(status);
    const result = t.dispatcher.dispatch(`cases:${step}` satisfies StepChannel, payloads[step](id));
    const next = statusAfter(status, step);
    if (next) {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(t.ok('cases:get', { id }).status).toBe(next);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { status: STEP_REFUSAL[step] } } });
    }
  });
});
