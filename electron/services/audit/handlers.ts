import type { HandlersFor } from '../context';
import { exportAudit } from './export';
import { listAudit, verifyAudit } from './log';

/** The audit log: read, verified and exported by the administrator. */
export const auditHandlers: HandlersFor<'audit'> = {
  'audit:list': listAudit,
  'audit:verify': (ctx) => verifyAudit(ctx),
  'audit:export': exportAudit,
};
