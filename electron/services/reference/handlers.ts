import type { HandlersFor } from '../context';
import { createLifeDomain, listLifeDomains, updateLifeDomain } from './lifeDomains';
import { listCategories, listMunicipalities } from './reference';

/** The reference lists: municipalities, categories (hendelser) and life domains. */
export const referenceHandlers: HandlersFor<'municipalities' | 'categories' | 'life-domains'> = {
  'municipalities:list': (ctx) => listMunicipalities(ctx),
  'categories:list': listCategories,
  'life-domains:list': listLifeDomains,
  'life-domains:create': createLifeDomain,
  'life-domains:update': updateLifeDomain,
};
