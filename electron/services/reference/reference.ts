import { all } from '../../db/query';
import type { CategoryDto, ChannelParsedInput, MunicipalityDto } from '@shared/contract';
import type { DbContext } from '../context';

export async function listMunicipalities(ctx: DbContext): Promise<MunicipalityDto[]> {
  return (await all(ctx.db, ctx.db.kysely.selectFrom('municipalities').selectAll().orderBy('sort_order'))).map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    municipalityNumber: m.municipality_number,
    kind: m.kind,
    memberFrom: m.member_from,
    memberTo: m.member_to,
  }));
}

export async function listCategories(ctx: DbContext, input: ChannelParsedInput<'categories:list'>): Promise<CategoryDto[]> {
  let query = ctx.db.kysely.selectFrom('categories').selectAll().orderBy('number');
  if (!input.includeRetired) query = query.where('retired_at', 'is', null);
  return (await all(ctx.db, query)).map((c) => ({
    id: c.id,
    number: c.number,
    name: c.name,
    description: c.description,
    caseWork: c.case_work === 1,
    retired: c.retired_at !== null,
  }));
}
