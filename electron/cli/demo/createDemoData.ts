import { transaction } from '../../db/query';
import type { AppDatabase } from '../../db/open';
import { fixedClock, type ServiceContext } from '../../services/context';
import { signedInContextSync } from '../../services/session/actor';
import { createTimeEntry } from '../../services/timeEntries/write';
import { isoDateInOslo } from '@shared/dates';
import { planCasesForYear, type PlannedCase } from './casePlan';
import { createCaseLife } from './demoCaseLife';
import { createDemoDocuments } from './demoDocuments';
import { createDemoCostShares } from './costShareDemo';
import { createDemoReportTexts } from './demoReportTexts';
import type { DemoCase } from './caseWork';
import { planEntries } from './entryPlan';
import { FIRST_DEMO_YEAR } from './profile';
import { createRandom } from './random';
import { loadReferences } from './references';
import { callChannelAsync, parseChannelInput } from './serviceCall';
import { summariseDemo, type DemoSummary } from './summary';
import { createTeam } from './team';

export interface DemoOptions {
  /** Last year to fill; the demo always starts on 1 January 2020, when the team started. */
  toYear: number;
  seed: number;
}

/** A refusal the command line reports in Norwegian, without a stack trace. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}

/** The default: the last calendar year that is over, so a default run gives the same data all year. */
export function lastCompleteYear(now: Date): number {
  return Number(isoDateInOslo(now).slice(0, 4)) - 1;
}

// Cases and entries draw from separate streams: a change to how entries are spread leaves the cases alone.
const ENTRY_STREAM = 0x9e3779b9;
const LIFE_STREAM = 0x85ebca6b;
const DOCUMENT_STREAM = 0xc2b2ae35;

/**
 * Fills an empty database with a realistic, deterministic team history from 2020 to `toYear`: the same
 * seed and year give the same rows. Every write goes through the services (validated, audited), in one
 * transaction, with the clock fixed at the end of the last year so nothing lies in the future.
 */
export async function createDemoData(target: { db: AppDatabase }, options: DemoOptions): Promise<DemoSummary> {
  if (!Number.isInteger(options.toYear) || options.toYear < FIRST_DEMO_YEAR) {
    throw new DemoError(`Året må være ${FIRST_DEMO_YEAR} eller senere`);
  }
  const clock = fixedClock(`${options.toYear}-12-31T15:00:00.000Z`);
  const outside: ServiceContext = { db: target.db, actor: null, clock, session: { actor: null } };
  if (!(await callChannelAsync(outside, 'session:get-current', {})).needsFirstMember) {
    throw new DemoError('Databasen har allerede teammedlemmer. Demodata lages bare i en ny, tom database.');
  }
  const years = Array.from({ length: options.toYear - FIRST_DEMO_YEAR + 1 }, (_, i) => FIRST_DEMO_YEAR + i);

  const projectLeader = await transaction(target.db, async (db) => {
    // Every service call runs on the transaction's handle, so the services' own transactions join this one.
    const ctx: ServiceContext = { ...outside, db };
    const team = await createTeam(ctx);
    const { references, members } = await loadReferences(ctx);
    const therapistIds = team.therapists.map((t) => t.id);
    const actorFor = (id: number) => signedInContextSync({ ...ctx, actor: team.actors.get(id) ?? null });

    const caseRandom = createRandom(options.seed);
    const planned: PlannedCase[] = [];
    for (const year of years) planned.push(...planCasesForYear(caseRandom, year, FIRST_DEMO_YEAR, members, therapistIds, planned));
    // Created in referral order, so the running numbers in the case codes follow the calendar.
    const cases: DemoCase[] = [];
    for (const plan of planned) {
      const created = await callChannelAsync(actorFor(plan.staffIds[0]), 'cases:create', {
        municipalityId: plan.municipality.id,
        referralDate: plan.referralDate,
        staffIds: [...plan.staffIds],
      });
      cases.push({ ...plan, code: created.code });
    }

    const entryRandom = createRandom((options.seed ^ ENTRY_STREAM) >>> 0);
    const demoTeam = { therapistIds, peerSupportId: team.peerSupportId };
    const caseMunicipality = new Map(cases.map((c) => [c.code, c.municipality.id]));
    for (const entry of planEntries(entryRandom, cases, FIRST_DEMO_YEAR, options.toYear, references, demoTeam)) {
      const onOtherMunicipality = entry.caseCode !== null && caseMunicipality.get(entry.caseCode) !== entry.municipalityId;
      const input = parseChannelInput('time-entries:create', {
        date: entry.date,
        caseCode: entry.caseCode,
        municipalityId: entry.municipalityId,
        categoryId: entry.categoryId,
        hours: entry.hours,
        participantIds: entry.participantIds,
        // The demo writes years of entries at once, as an import does: old dates and a visit logged twice
        // on one day are meant, and work with bodies outside the nine on a case says so.
        confirmOldDate: true,
        confirmDuplicate: true,
        municipalityOverrideReason: onOtherMunicipality ? 'Møte med instans utenfor de ni kommunene' : null,
      });
      await createTimeEntry(actorFor(entry.participantIds[0]!), input, 'demo');
    }
    await createCaseLife(ctx, actorFor, createRandom((options.seed ^ LIFE_STREAM) >>> 0), cases);
    await createDemoDocuments(ctx, actorFor, createRandom((options.seed ^ DOCUMENT_STREAM) >>> 0));
    const projectLeader = actorFor(team.projectLeader.id);
    await createDemoCostShares(projectLeader, years);
    await createDemoReportTexts(projectLeader, years);
    return projectLeader;
  });

  return summariseDemo({ ...projectLeader, db: target.db }, options.seed, years);
}
