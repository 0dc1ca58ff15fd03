import type { HandlersFor } from '../context';
import { systemStatus } from './status';

/** What the window needs to know about the database and the mode it is in. */
export const systemHandlers: HandlersFor<'system'> = {
  'system:status': (ctx) => systemStatus(ctx),
};
