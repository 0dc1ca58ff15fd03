import type { HandlersFor } from '../context';
import { previewRetention, runRetention } from './engine';

/** The retention rule: what is reduced to statistics, and when. */
export const retentionHandlers: HandlersFor<'retention'> = {
  'retention:preview': (ctx) => previewRetention(ctx),
  'retention:run': (ctx, input) => runRetention(ctx, input),
};
