import { all } from '../../db/exec';
import type { CategoryDto, ChannelParsedInput, MunicipalityDto } from '@shared/contract';
import type { ServiceContext } from '../context';

export function listMunicipalities(ctx: ServiceContext): MunicipalityDto[] {
  return all(ctx.db, ctx.db.kysely.selectFrom('municipalities').selectAll().orderBy('sort_order')).map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    municipalityNumber: m.municipality_number,
    kind: m.kind,
    memberFrom: m.member_from,
    memberTo: m.member_to,
  }));
}

export function listCategories(ctx: ServiceContext, input: ChannelParsedInput<'categories:list'>): CategoryDto[] {
  let query = ctx.db.kysely.selectFrom('categories').selectAll().orderBy('number');
  if (!input.includeRetired) query = query.where('retired_at', 'is', null);
  return all(ctx.db, query).map((c) => ({
    id: c.id,
    number: c.number,
    name: c.name,
    description: c.description,
    caseWork: c.case_work === 1,
    retired: c.retired_at !== null,
  }));
}
