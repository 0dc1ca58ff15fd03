import type { SystemStatusDto } from '@shared/contract';
import type { ServiceContext } from '../context';

/** Tells the renderer whether to show the normal app, a read-only banner or the recovery screen. */
export function systemStatus(ctx: ServiceContext): SystemStatusDto {
  const readOnly = ctx.readOnly;
  if (!readOnly) return { mode: 'normal', message: null };
  return { mode: readOnly.mode, message: readOnly.reason };
}
