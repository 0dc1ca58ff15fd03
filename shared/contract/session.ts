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

export const sessionChannels = {
  'session:get-current': queryChannel<SessionDto>()(
    emptyInput,
    'Hvem som er innlogget, og om skjermen er låst',
    ['signed_in_member', 'screen_lock', 'team_members'],
    { anonymous: true },
  ),
  'session:sign-in': mutationChannel<SessionDto>()(
    z.strictObject({ username: z.string().trim().min(1).max(40), password: typedPassword }),
    'Logg inn med brukernavn og passord',
    // team_members: wrong passwords in a row are counted there.
    ['signed_in_member', 'screen_lock', 'team_members', 'audit_log'],
    { anonymous: true },
  ),
  'session:sign-out': mutationChannel<SessionDto>()(emptyInput, 'Logg ut', ['signed_in_member', 'screen_lock', 'audit_log'], { anonymous: true }),
  'session:lock': mutationChannel<SessionDto>()(emptyInput, 'Lås skjermen (Ctrl+L eller etter en tid uten aktivitet)', ['screen_lock', 'audit_log']),
  'session:unlock': mutationChannel<SessionDto>()(z.strictObject({ password: typedPassword }), 'Lås opp skjermen med passordet til den som er innlogget', [
    'screen_lock',
    'team_members',
    'audit_log',
  ]),
  'session:change-password': mutationChannel<SessionDto, 'password'>()(
    z.strictObject({ currentPassword: typedPassword, newPassword: newPasswordSchema }),
    'Bytt eget passord',
    ['team_members', 'audit_log'],
  ),
} as const;
