import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIDDEN, HIDDEN_LABEL } from '@shared/domain/disclosureControl';
import { EVALUATION_SCALE_QUESTIONS } from '@shared/domain/evaluationForm';
import { evaluationSummary } from '../../electron/services/documents/evaluations';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/** Returned evaluation forms: registered on the case code, corrected, deleted, and summarised per year. */
let t: TestDatabase;
let steigen: number;

beforeEach(async () => {
  t = await createTestDatabase({ now: '2021-02-01T10:00:00.000Z' });
  steigen = municipalityId(t, 'Steigen');
});
afterEach(() => t.close());

const newCase = (n: number) => t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-02-01', code: `${String(n).padStart(2, '0')}/20-ST` });
const suppressed = HIDDEN;

describe('registering a returned form', () => {
  it('stores answers per question against the case code, and corrects and deletes them', async () => {
    const c = newCase(1);
    const form = await t.okAsync('evaluations:register', {
      caseCode: ' 01/20-st ',
      receivedDate: '2020-08-01',
      consentToContact: true,
      answers: { respekt: 5, lyttet: 4, hjelp_nav: null, fungerte: 'Praktisk hjelp med NAV & bolig', endre: '  ' },
    });
    expect(form).toMatchObject({ caseId: c.id, caseCode: '01/20-ST', consentToContact: true, registeredByName: 'Marit Solvang' });
    expect(form.answers).toEqual({ respekt: 5, lyttet: 4, fungerte: 'Praktisk hjelp med NAV & bolig' });
    const corrected = await t.okAsync('evaluations:update', {
      id: form.id,
      version: form.version,
      receivedDate: '2020-08-02',
      consentToContact: null,
      answers: { respekt: 3 },
    });
    expect(corrected).toMatchObject({ receivedDate: '2020-08-02', consentToContact: null, answers: { respekt: 3 } });
    expect(await t.okAsync('evaluations:list', { caseId: c.id })).toHaveLength(1);
    await t.okAsync('evaluations:delete', { id: form.id, version: corrected.version });
    expect(await t.okAsync('evaluations:list', {})).toEqual([]);
  });

  it('refuses an unknown case code, a value off the scale and an unknown question', async () => {
    newCase(1);
    expect(await t.callAsync('evaluations:register', { caseCode: '09/20-ST', receivedDate: '2020-08-01', consentToContact: null, answers: {} })).toMatchObject({
      ok: false,
      error: { fieldErrors: { caseCode: 'Saken finnes ikke' } },
    });
    expect(
      await t.dispatcher.dispatchAsync('evaluations:register', {
        caseCode: '01/20-ST',
        receivedDate: '2020-08-01',
        consentToContact: null,
        answers: { respekt: 6 },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(
      await t.dispatcher.dispatchAsync('evaluations:register', {
        caseCode: '01/20-ST',
        receivedDate: '2020-08-01',
        consentToContact: null,
        answers: { navn: 'Ola' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await t.dispatcher.dispatchAsync('evaluations:delete', { id: 99, version: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('yearly summary', () => {
  it('shows nothing built from fewer than 5 answers', async () => {
    for (let i = 1; i <= 4; i++) {
      await t.okAsync('evaluations:register', {
        caseCode: newCase(i).code,
        receivedDate: '2020-09-01',
        consentToContact: true,
        answers: { respekt: 5, helhet: 4 },
      });
    }
    const summary = await t.okAsync('evaluations:summary', { year: 2020 });
    expect(summary.responses).toEqual(suppressed);
    expect(summary.consents).toEqual(suppressed);
    const respekt = summary.questions.find((q) => q.questionId === 'respekt')!;
    expect(respekt).toMatchObject({ answered: suppressed, mean: suppressed });
    expect(respekt.distribution.every((d) => d.count.kind === 'suppressed')).toBe(true);
    // Nobody answered «nyttig»: zero is not a small number, but there is no mean either.
    expect(summary.questions.find((q) => q.questionId === 'nyttig')).toMatchObject({ answered: { kind: 'count', value: 0 }, mean: null });
  });

  it('gives the distribution and mean per question from 5 answers, for the year asked only', async () => {
    const values = [5, 5, 4, 5, 5, 3, 5];
    for (const [i, v] of values.entries()) {
      await t.okAsync('evaluations:register', {
        caseCode: newCase(i + 1).code,
        receivedDate: '2020-10-01',
        consentToContact: i < 5,
        answers: { respekt: v, hap: i < 4 ? 4 : null },
      });
    }
    await t.okAsync('evaluations:register', { caseCode: newCase(20).code, receivedDate: '2021-01-10', consentToContact: true, answers: { respekt: 1 } });
    const summary = await evaluationSummary({ db: t.db }, { year: 2020 });
    expect(summary.responses).toEqual({ kind: 'count', value: 7 });
    // 5 of 7 said yes: the other 2 are a count of people under 5, so the yes count is hidden too.
    expect(summary.consents).toEqual(suppressed);
    expect(summary.questions).toHaveLength(EVALUATION_SCALE_QUESTIONS.length);
    const respekt = summary.questions.find((q) => q.questionId === 'respekt')!;
    expect(respekt.answered).toEqual({ kind: 'count', value: 7 });
    // 0 + 0 + 1 + 1 + 5 = 7: the two single answers hold 2 together, so the zeros and the 5 are hidden too, and
    // the mean (a second equation over the hidden cells) with them.
    expect(respekt.distribution.map((d) => (d.count.kind === 'count' ? d.count.value : d.count.label))).toEqual(Array(5).fill(HIDDEN_LABEL));
    expect(respekt.mean).toEqual(suppressed);
    expect(summary.questions.find((q) => q.questionId === 'hap')).toMatchObject({ answered: suppressed, mean: suppressed });
  });
});
