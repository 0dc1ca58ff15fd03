import { all, first, readSnapshot, run, transaction } from '../../db/query';
import { conflictKey } from '../../db/dialect';
import type { ChannelParsedInput } from '@shared/contract';
import type { CostShareParametersDto, CostShareSettingsDto } from '@shared/contract/costShare';
import { COST_SHARE_UNITS, type CostShareDto, type CostShareRowDto } from '@shared/contract/statistics/costShare';
import { computeCostShares, memberMonths } from '@shared/domain/costShareModels';
import { requireAdministrator } from '../session/actor';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import { caseFigures } from './caseFigures';
import type { DbContext, SignedInContext } from '../context';
import { invalidField } from '../errors/serviceError';
import { latestChangeSync, versionConflict } from '../versions/versionedRecord';
import { annualPivot } from './annualPivot';

/** The member municipalities of a year (at least one whole month of membership), with their year's figures. */
export async function membersOfYear(ctx: DbContext, year: number) {
  const { kysely } = ctx.db;
  const rows = await all(
    ctx.db,
    kysely
      .selectFrom('municipalities as m')
      .leftJoin('municipality_years as y', (join) => join.onRef('y.municipality_id', '=', 'm.id').on('y.year', '=', year))
      .select(['m.id', 'm.name', 'm.member_from', 'm.member_to', 'y.population', 'y.extra_hours'])
      .where('m.kind', '=', 'member')
      .orderBy('m.sort_order'),
  );
  return rows.map((r) => ({ ...r, months: memberMonths(r.member_from, r.member_to, year) })).filter((r) => r.months > 0);
}

async function readParameters(ctx: DbContext, year: number): Promise<CostShareParametersDto | null> {
  const row = await first(ctx.db, ctx.db.kysely.selectFrom('cost_share_years').selectAll().where('year', '=', year));
  if (!row) return null;
  return {
    year,
    budget: row.budget,
    baseAmount: row.base_amount,
    bandRates: [row.band_rate_1, row.band_rate_2, row.band_rate_3, row.band_rate_4],
    hourlyRate: row.hourly_rate,
  };
}

/**
 * The version of a year's form: one form over the year's parameters row and its municipalities' rows.
 * Every save raises the version of each row it writes (a new row starts at 1), and none of them is ever
 * deleted, so the sum moves whenever anything in the form changed. Never 0: versions are positive.
 */
async function costShareRevision(ctx: DbContext, year: number): Promise<number> {
  const { kysely } = ctx.db;
  const sum = async (table: 'cost_share_years' | 'municipality_years') =>
    (await first(
      ctx.db,
      kysely
        .selectFrom(table)
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('version'), eb.lit(0)).as('revision'))
        .where('year', '=', year),
    ))!.revision;
  return (await sum('cost_share_years')) + (await sum('municipality_years')) + 1;
}

/** Refuses the save if anything in the year's form changed since it was read, naming who saved last. */
async function requireCostShareRevision(ctx: SignedInContext, year: number, version: number): Promise<void> {
  if ((await costShareRevision(ctx, year)) === version) return;
  const { kysely } = ctx.db;
  const rows = [
    ...(await all(ctx.db, kysely.selectFrom('cost_share_years').select(['updated_at', 'updated_by']).where('year', '=', year))),
    ...(await all(ctx.db, kysely.selectFrom('municipality_years').select(['updated_at', 'updated_by']).where('year', '=', year))),
  ];
  throw versionConflict(ctx, 'Kostnadsfordelingen', latestChangeSync(ctx, rows));
}

export async function costShareSettings(ctx: DbContext, input: { year: number }): Promise<CostShareSettingsDto> {
  return readSnapshot(ctx.db, async (db) => ({
    year: input.year,
    version: await costShareRevision({ db }, input.year),
    parameters: await readParameters({ db }, input.year),
    municipalities: (await membersOfYear({ db }, input.year)).map((m) => ({
      municipalityId: m.id,
      municipality: m.name,
      memberFrom: m.member_from,
      memberTo: m.member_to,
      population: m.population,
      extraHours: m.extra_hours ?? 0,
    })),
  }));
}

/**
 * The administrator sets a year's budget, parameters, populations and extra hours: one change, one audit row.
 * Still on the SQLite file only: the audit row and the conflict message are written by services not yet
 * engine-neutral, on this transaction's connection.
 */
export async function saveCostShareSettings(ctx: SignedInContext, input: ChannelParsedInput<'cost-share:save-settings'>): Promise<CostShareSettingsDto> {
  const actor = requireAdministrator(ctx);
  await transaction(ctx.db, async (db) => {
    const tx: SignedInContext = { ...ctx, db };
    await requireCostShareRevision(tx, input.year, input.version);
    const members = new Map((await membersOfYear(tx, input.year)).map((m) => [m.id, m]));
    const ids = input.municipalities.map((m) => m.municipalityId);
    if (new Set(ids).size !== ids.length) throw invalidField('municipalities', 'Hver kommune kan bare stå én gang');
    if (ids.some((id) => !members.has(id))) throw invalidField('municipalities', `Kommunen var ikke med i samarbeidet i ${input.year}`);
    const now = ctx.clock.now().toISOString();
    const p = input.parameters;
    const values = {
      budget: p.budget,
      base_amount: p.baseAmount,
      band_rate_1: p.bandRates[0],
      band_rate_2: p.bandRates[1],
      band_rate_3: p.bandRates[2],
      band_rate_4: p.bandRates[3],
      hourly_rate: p.hourlyRate,
      updated_at: now,
      updated_by: actor.id,
    };
    await run(
      db,
      db.kysely
        .insertInto('cost_share_years')
        .values({ year: input.year, ...values })
        .onConflict((c) =>
          c.columns(conflictKey(db, 'cost_share_years', ['year'])).doUpdateSet((eb) => ({ ...values, version: eb('cost_share_years.version', '+', 1) })),
        ),
    );
    for (const m of input.municipalities) {
      const figures = { population: m.population, extra_hours: m.extraHours, updated_at: now, updated_by: actor.id };
      await run(
        db,
        db.kysely
          .insertInto('municipality_years')
          .values({ municipality_id: m.municipalityId, year: input.year, ...figures })
          .onConflict((c) =>
            c
              .columns(conflictKey(db, 'municipality_years', ['municipality_id', 'year']))
              .doUpdateSet((eb) => ({ ...figures, version: eb('municipality_years.version', '+', 1) })),
          ),
      );
    }
    recordAuditSync(
      tx,
      'update',
      'cost_share',
      input.year,
      auditedFields('cost-share:save-settings', [
        'baseAmount',
        'bandRates',
        'budget',
        'hourlyRate',
        ...(input.municipalities.length > 0 ? (['extraHours', 'population'] as const) : []),
      ]),
    );
  });
  return costShareSettings(ctx, { year: input.year });
}

const shareOf = (value: number, total: number) => (total === 0 ? 0 : value / total);
const hasPopulation = (population: number | null): population is number => population !== null && population > 0;
/** null, not 0, without a population: «0 timer per 1 000 innbyggere» would read as «no help given». */
const perThousand = (hours: number, population: number | null) => (hasPopulation(population) ? (hours / population) * 1000 : null);

/** «Folketall mangler for Rødøy for 2031.», «… for Fauske og Rødøy …», «… for alle kommunene …». */
function missingPopulationText(year: number, names: string[], memberCount: number): string {
  const who = names.length === memberCount && memberCount > 1 ? 'alle kommunene' : joinNorwegian(names);
  return `Folketall mangler for ${who} for ${year}.`;
}

/** «A», «A og B», «A, B og C». */
function joinNorwegian(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]!}`;
}

/**
 * Each member municipality's share of the cost under the three models beside its share of the help:
 * hours, person-hours and cases (every case with a referral or time logged in the year). Hours per
 * 1 000 inhabitants use the effective population, so a part-year member is compared for the months it
 * was in. When the budget or a population is missing the help side is still given, and `problems` names
 * what to fill in.
 */
export async function costShare(ctx: DbContext, input: { year: number }): Promise<CostShareDto> {
  const { year } = input;
  return readSnapshot(ctx.db, async (db): Promise<CostShareDto> => {
    const members = await membersOfYear({ db }, year);
    const parameters = await readParameters({ db }, year);
    const pivot = await annualPivot({ db }, { year });
    const cases = await caseFigures({ db }, { year });
    const hoursOf = new Map(pivot.byMunicipality.map((m) => [m.municipalityId, m]));
    const casesOf = new Map(cases.rows.map((r) => [r.municipalityId, r.total]));

    const problems: string[] = [];
    // Statements only: the screen links to where they are fixed, and the annual report prints them as notes.
    if (!parameters) problems.push(`Budsjett mangler for ${year}.`);
    else if (parameters.budget === 0) problems.push(`Budsjettet for ${year} er 0 kr.`);
    // One line for all of them: nine lines of «Folketall mangler for …» buried the budget line above.
    const withoutPopulation = members.filter((m) => !hasPopulation(m.population)).map((m) => m.name);
    if (withoutPopulation.length > 0) problems.push(missingPopulationText(year, withoutPopulation, members.length));
    const modelInput = members.map((m) => ({ population: m.population ?? 0, fraction: m.months / 12, extraHours: m.extra_hours ?? 0 }));
    const computed = problems.length === 0 && parameters ? computeCostShares(year, parameters, modelInput) : null;
    if (computed && 'problems' in computed) problems.push(...computed.problems);
    const amounts = computed && !('problems' in computed) ? computed : null;

    const help = members.map((m) => ({
      hours: hoursOf.get(m.id)?.hours ?? 0,
      personHours: hoursOf.get(m.id)?.personHours ?? 0,
      cases: casesOf.get(m.id) ?? 0,
    }));
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const totalHours = sum(help.map((h) => h.hours));
    const totalPersonHours = sum(help.map((h) => h.personHours));
    const totalCases = sum(help.map((h) => h.cases));
    const budget = parameters?.budget ?? 0;

    const rows: CostShareRowDto[] = members.map((m, i) => {
      const effectivePopulation = modelInput[i]!.population * modelInput[i]!.fraction;
      const model = (amount: number) => ({ amount, share: shareOf(amount, budget) });
      return {
        municipalityId: m.id,
        municipality: m.name,
        population: m.population ?? 0,
        memberMonths: m.months,
        effectivePopulation,
        models: amounts ? { equalBase: model(amounts.equalBase[i]!), bands: model(amounts.bands[i]!), extraServices: model(amounts.extraServices[i]!) } : null,
        extraHours: m.extra_hours ?? 0,
        hours: help[i]!.hours,
        hoursShare: shareOf(help[i]!.hours, totalHours),
        personHours: help[i]!.personHours,
        personHoursShare: shareOf(help[i]!.personHours, totalPersonHours),
        cases: help[i]!.cases,
        casesShare: shareOf(help[i]!.cases, totalCases),
        hoursPerThousand: hasPopulation(m.population) ? perThousand(help[i]!.hours, effectivePopulation) : null,
      };
    });
    const effectiveTotal = sum(rows.map((r) => r.effectivePopulation));
    return {
      year,
      units: COST_SHARE_UNITS,
      parameters,
      problems,
      rows,
      total: {
        population: sum(rows.map((r) => r.population)),
        effectivePopulation: effectiveTotal,
        amount: amounts ? budget : 0,
        hours: totalHours,
        personHours: totalPersonHours,
        cases: totalCases,
        // A total over some of the municipalities would be compared as if it were over all of them.
        hoursPerThousand: withoutPopulation.length > 0 ? null : perThousand(totalHours, effectiveTotal),
      },
    };
  });
}
