import type { ServiceContext } from '../../services/context';
import type { DemoMunicipality } from './casePlan';
import type { DemoReferences } from './dayPlan';
import { CATEGORY, MUNICIPALITY_PROFILE, OTHER_MUNICIPALITIES, SHARED_WORK, type CategoryKey } from './profile';
import { callChannel } from './serviceCall';

/** Municipality and category ids by name, read through the same channels the app uses. */
export function loadReferences(ctx: ServiceContext): { references: DemoReferences; members: DemoMunicipality[] } {
  const municipalities = callChannel(ctx, 'municipalities:list', {});
  const categories = callChannel(ctx, 'categories:list', { includeRetired: true });
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
