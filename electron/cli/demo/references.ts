import type { ServiceContext } from '../../services/context';
import type { DemoMunicipality } from './casePlan';
import type { DemoReferences } from './dayPlan';
import { CATEGORY, MUNICIPALITY_PROFILE, OTHER_MUNICIPALITIES, SHARED_WORK, type CategoryKey } from './profile';
import { callChannelAsync } from './serviceCall';

/** Municipality and category ids by name, read through the same channels the app uses. */
export async function loadReferences(ctx: ServiceContext): Promise<{ references: DemoReferences; members: DemoMunicipality[] }> {
  const municipalities = await callChannelAsync(ctx, 'municipalities:list', {});
  const categories = await callChannelAsync(ctx, 'categories:list', { includeRetired: true });
  const municipalityId = (name: string): number => {
    const found = municipalities.find((m) => m.name === name);
    if (!found) throw new Error(`Demodata: fant ikke kommunen «${name}» i databasen`);
    return found.id;
  };
  const categoryIds = Object.fromEntries(
    (Object.entries(CATEGORY) as [CategoryKey, string][]).map(([key, name]) => {
      const found = categories.find((c) => c.name === name);
      if (!found) throw new Error(`Demodata: fant ikke hendelsen «${name}» i databasen`);
      return [key, found.id];
    }),
  ) as Record<CategoryKey, number>;
  const members = MUNICIPALITY_PROFILE.map((profile) => {
    const row = municipalities.find((m) => m.name === profile.name && m.kind === 'member');
    if (!row) throw new Error(`Demodata: fant ikke kommunen «${profile.name}» i databasen`);
    return { id: row.id, name: row.name, memberFrom: row.memberFrom, memberTo: row.memberTo, profile };
  });
  return {
    references: { categoryIds, otherMunicipalitiesId: municipalityId(OTHER_MUNICIPALITIES), sharedWorkId: municipalityId(SHARED_WORK) },
    members,
  };
}
