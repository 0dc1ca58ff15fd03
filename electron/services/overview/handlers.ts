import type { HandlersFor } from '../context';
import { getOverview } from './overview';

/** The start page: active cases, three-month contacts due, warnings. */
export const overviewHandlers: HandlersFor<'overview'> = {
  'overview:get': (ctx) => getOverview(ctx),
};
