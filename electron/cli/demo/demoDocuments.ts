import { addDays, isoDateInOslo } from '@shared/dates';
import { TEMPLATE_KINDS } from '@shared/domain/documents';
import { EVALUATION_SCALE_QUESTIONS, type EvaluationQuestionId } from '@shared/domain/evaluationForm';
import type { EvaluationAnswers } from '@shared/contract';
import { fixedClock, type ServiceContext, type SignedInContext } from '../../services/context';
import { recordGeneratedDocument } from '../../services/documents/generateDocument';
import { newestVersion } from '../../services/documents/templateStore';
import type { Random } from './random';
import { callChannelAsync } from './serviceCall';

/** What users wrote on returned forms: short, general, and about the help, never about themselves. */
const WORKED = ['At de kom hjem til meg', 'Hjelp med NAV og papirer', 'At noen ringte og fulgte opp', 'Praktisk hjelp med leiligheten', 'Følge meg til møter'];
const CHANGE = ['Flere besøk i starten', 'Lengre oppfølging', 'Raskere svar på telefon', 'Ingenting'];

/** Mostly satisfied, with some spread, as the team's returned forms are; domain help is often «ikke aktuelt». */
function answers(random: Random): EvaluationAnswers {
  const out: EvaluationAnswers = {};
  for (const q of EVALUATION_SCALE_QUESTIONS) {
    const grouped = 'group' in q;
    if (grouped && random.chance(0.35)) continue;
    out[q.id as EvaluationQuestionId] = random.weighted([
      { value: 5, weight: 50 },
      { value: 4, weight: 30 },
      { value: 3, weight: 12 },
      { value: 2, weight: 5 },
      { value: 1, weight: 3 },
    ]);
  }
  if (random.chance(0.6)) out.fungerte = random.pick(WORKED);
  if (random.chance(0.4)) out.endre = random.pick(CHANGE);
  return out;
}

/**
 * For every closed case: the closure report and the evaluation form in the document log on the closing
 * day, and for about six in ten a returned evaluation form a few weeks later (if that is not after
 * «today»). Through the services, with the case's first staff member as the actor.
 */
export async function createDemoDocuments(ctx: ServiceContext, actorFor: (id: number) => SignedInContext, random: Random): Promise<void> {
  const today = isoDateInOslo(ctx.clock.now());
  const closed = ctx.db.sqlite
    .prepare(
      `select c.id, c.code, c.closed_date as closedDate, (select min(team_member_id) from case_staff s where s.case_id = c.id) as staffId
       from cases c where c.closed_date is not null order by c.closed_date, c.id`,
    )
    .all() as { id: number; code: string; closedDate: string; staffId: number | null }[];
  for (const c of closed) {
    if (c.staffId === null) continue;
    const onClosingDay = { ...actorFor(c.staffId), clock: fixedClock(`${c.closedDate}T11:00:00.000Z`) };
    for (const kind of TEMPLATE_KINDS) await recordGeneratedDocument(onClosingDay, c.id, kind, Math.max(1, await newestVersion(ctx, kind)));
    const received = addDays(c.closedDate, random.int(7, 30));
    if (received > today || !random.chance(0.6)) continue;
    await callChannelAsync(actorFor(c.staffId), 'evaluations:register', {
      caseCode: c.code,
      receivedDate: received,
      consentToContact: random.chance(0.85),
      // Most users agree that their answers go to the municipality; drawn from the case id, not the random
      // stream, so every other demo figure stays as it was.
      consentToShare: c.id % 5 !== 0,
      answers: answers(random),
    });
  }
}
