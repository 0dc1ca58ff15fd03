import { emptyInput } from './common';
import { queryChannel } from './channel';

export type AppMode = 'normal' | 'read-only' | 'recovery';

export interface SystemStatusDto {
  mode: AppMode;
  /** Norwegian, for a banner or the recovery screen; null in normal mode. */
  message: string | null;
}

export const systemChannels = {
  // Asked before anyone signs in: the recovery screen must show even when nobody can sign in.
  // Reads only what the app was started with (recovery mode): no channel changes it.
  'system:status': queryChannel<SystemStatusDto>()(emptyInput, 'Om databasen kan endres, og hvorfor ikke', [], { anonymous: true }),
} as const;
