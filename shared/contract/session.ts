import { z } from '../validation/zodNorwegian';
import { emptyInput } from './common';
import { mutationChannel, queryChannel } from './channel';
import { newPasswordSchema, type TeamMemberDto } from './teamMembers';

export interface SessionDto {
  /** Who is signed in — also while the screen is locked, so the lock screen can name them. */
  member: TeamMemberDto | null;
  /** True on a fresh database: the first team member must be created before anything else. */
  needsFirstMember: boolean;
  /** The screen is locked: nothing but unlocking (same member) or signing out answers. */
  locked: boolean;
}

/** A password as typed at sign-in: no rules beyond a length, so the policy can change without locking anyone out. */
const typedPassword = z.string().min(1).max(200);

const ALL_DATA = ['session', 'cases', 'time-entries', 'statistics', 'team-members', 'settings', 'audit', 'retention'];

export const sessionChannels = {
  'session:get-current': queryChannel<SessionDto>()(emptyInput, 'Hvem som er innlogget, og om skjermen er låst', { anonymous: true }),
  'session:sign-in': mutationChannel<SessionDto>()(
    z.strictObject({ username: z.string().trim().min(1).max(40), password: typedPassword }),
    'Logg inn med brukernavn og passord',
    ALL_DATA,
    { anonymous: true },
  ),
  'session:sign-out': mutationChannel<SessionDto>()(emptyInput, 'Logg ut', ['session'], { anonymous: true }),
  'session:lock': mutationChannel<SessionDto>()(emptyInput, 'Lås skjermen (Ctrl+L eller etter en tid uten aktivitet)', ['session']),
  'session:unlock': mutationChannel<SessionDto>()(
    z.strictObject({ password: typedPassword }),
    'Lås opp skjermen med passordet til den som er innlogget',
    ALL_DATA,
  ),
  'session:change-password': mutationChannel<SessionDto>()(
    z.strictObject({ currentPassword: typedPassword, newPassword: newPasswordSchema }),
    'Bytt eget passord',
    ['session'],
  ),
} as const;
