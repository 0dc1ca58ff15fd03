import { all, run, transaction } from '../../db/exec';
import type { ChannelParsedInput } from '@shared/contract';
import { RATING_OCCASION_LABEL, type RatingOccasion } from '@shared/domain/caseLife';
import type { CaseStatus } from '@shared/domain/caseStatus';
import { isoDateInOslo } from '@shared/dates';
import { FUTURE_DATE_MESSAGE } from '@shared/validation/notInFuture';
import { auditedFields, recordAuditSync } from '../audit/recordAudit';
import { claimCaseRow } from './caseRow';
import type { SignedInContext } from '../context';
import { invalidField, ServiceError } from '../errors/serviceError';

/** Which statuses a case must have for each rating: closure ratings need follow-up, the three-month ones a closure. */
const OCCASION_STATUSES: Record<RatingOccasion, readonly CaseStatus[]> = {
  start: ['henvist', 'institusjonsfase', 'oppfolging', 'avsluttet', 'etteroppfolging_utfort', 'importert'],
  avslutning: ['oppfolging', 'avsluttet', 'etteroppfolging_utfort', 'importert'],
  etteroppfolging: ['avsluttet', 'etteroppfolging_utfort', 'importert'],
};

/** Rates the life domains for one occasion, replacing that occasion's earlier ratings as one change. */
export function rateDomains(ctx: SignedInContext, input: ChannelParsedInput<'cases:rate-domains'>): number {
  transaction(ctx.db, () => {
    const row = claimCaseRow(ctx, input.caseId, input.version);
    if (!OCCASION_STATUSES[input.occasion].includes(row.status)) {
      const message = `Vurderingen «${RATING_OCCASION_LABEL[input.occasion].toLocaleLowerCase('nb')}» passer ikke sakens status`;
      throw new ServiceError('conflict', message, { occasion: message });
    }
    if (input.ratedOn > isoDateInOslo(ctx.clock.now())) throw invalidField('ratedOn', FUTURE_DATE_MESSAGE);
    if (row.referral_date && input.ratedOn < row.referral_date) throw invalidField('ratedOn', 'Vurderingen kan ikke være før henvisningen');
    const ids = input.ratings.map((r) => r.domainId);
    if (new Set(ids).size !== ids.length) throw invalidField('ratings', 'Hvert livsområde kan bare vurderes én gang');
    const known = all(ctx.db, ctx.db.kysely.selectFrom('life_domains').select('id').where('id', 'in', ids).where('retired_at', 'is', null));
    if (known.length !== ids.length) throw invalidField('ratings', 'Ukjent livsområde, eller et som ikke er i bruk');
    run(ctx.db, ctx.db.kysely.deleteFrom('case_domain_ratings').where('case_id', '=', input.caseId).where('occasion', '=', input.occasion));
    for (const rating of input.ratings) {
      run(
        ctx.db,
        ctx.db.kysely.insertInto('case_domain_ratings').values({
          case_id: input.caseId,
          domain_id: rating.domainId,
          occasion: input.occasion,
          level: rating.level,
          rated_on: input.ratedOn,
          note: rating.note?.trim() ? rating.note.trim() : null,
        }),
      );
    }
    recordAuditSync(ctx, 'update', 'case', input.caseId, auditedFields('cases:rate-domains', ['domainRatings']));
  });
  return input.caseId;
}
