import { all, readSnapshot } from '../../db/query';
import {
  LASTING_CHANGE_COMPARISON_LABEL,
  LASTING_CHANGE_COMPARISONS,
  type LastingChangeComparison,
  type LastingChangeDirection,
  type LastingChangeDto,
} from '@shared/contract/statistics/caseFigures';
import type { RatingOccasion } from '@shared/domain/caseLife';
import { publishCount, publishRow } from '@shared/domain/disclosureControl';
import type { DbContext } from '../context';
import type { StatisticsPeriod } from '@shared/contract';
import { periodRange } from './period';

const LATER_OCCASION: Record<LastingChangeComparison, RatingOccasion> = {
  startToClosure: 'avslutning',
  startToAfterContact: 'etteroppfolging',
};

function direction(start: number, later: number): LastingChangeDirection {
  // Levels run 1 (krevende) → 3 (på plass): a higher level later is a change for the better.
  return later > start ? 'bedre' : later < start ? 'verre' : 'uendret';
}

/**
 * Lasting change for the cases closed in the period: per life domain, how many moved up, stayed or moved
 * down from the start rating to the closure rating and to the three-month rating. Only cases rated on
 * both occasions of a comparison count in it. Every row goes through the disclosure-control rule here, so
 * a hidden number never leaves the service.
 */
export async function lastingChange(ctx: DbContext, period: StatisticsPeriod): Promise<LastingChangeDto> {
  const { from, to } = periodRange(period);
  const { kysely } = ctx.db;
  return readSnapshot(ctx.db, async (db) => {
    const closed = await all(db, kysely.selectFrom('cases').select('id').where('closed_date', '>=', from).where('closed_date', '<=', to));
    const ratings = await all(
      db,
      kysely
        .selectFrom('case_domain_ratings as r')
        .innerJoin('cases as c', 'c.id', 'r.case_id')
        .select(['r.case_id', 'r.domain_id', 'r.occasion', 'r.level'])
        .where('c.closed_date', '>=', from)
        .where('c.closed_date', '<=', to),
    );
    const domains = await all(db, kysely.selectFrom('life_domains').select(['id', 'name', 'retired_at']).orderBy('sort_order'));
    const level = new Map(ratings.map((r) => [`${r.case_id}:${r.domain_id}:${r.occasion}`, r.level]));
    const ratedDomains = new Set(ratings.map((r) => r.domain_id));
    // A retired domain still shows in the periods where cases were rated on it.
    const shown = domains.filter((d) => d.retired_at === null || ratedDomains.has(d.id));
    const caseIds = [...new Set(ratings.map((r) => r.case_id))];

    const comparisons = LASTING_CHANGE_COMPARISONS.map((comparison) => ({
      comparison,
      label: LASTING_CHANGE_COMPARISON_LABEL[comparison],
      rows: shown.map((d) => {
        const counts: Record<LastingChangeDirection, number> = { bedre: 0, uendret: 0, verre: 0 };
        for (const caseId of caseIds) {
          const start = level.get(`${caseId}:${d.id}:start`);
          const later = level.get(`${caseId}:${d.id}:${LATER_OCCASION[comparison]}`);
          if (start !== undefined && later !== undefined) counts[direction(start, later)] += 1;
        }
        const published = publishRow(counts);
        return { domainId: d.id, domain: d.name, ...published.cells, total: published.total };
      }),
    }));
    return { from, to, unit: 'saker' as const, closedCases: publishCount(closed.length), comparisons };
  });
}
