import { z } from './zodNorwegian';
import { emptyInput } from './common';
import { mutationChannel, queryChannel } from './channel';
import type { TeamMemberDto } from './teamMembers';

export interface SessionDto {
  member: TeamMemberDto | null;
  /** True on a fresh database: the first team member must be created before anything else. */
  needsFirstMember: boolean;
}

// Individual passwords arrive with the access-control issue; until then the member picks who they are.
export const sessionChannels = {
  'session:get-current': queryChannel<SessionDto>()(emptyInput, 'Hvem som er innlogget'),
  'session:sign-in': mutationChannel<SessionDto>()(
    z.strictObject({ username: z.string().trim().min(1).max(40) }),
    'Logg inn som et teammedlem',
    ['session', 'cases', 'time-entries', 'statistics', 'team-members'],
    { anonymous: true },
  ),
  'session:sign-out': mutationChannel<SessionDto>()(emptyInput, 'Logg ut', ['session'], { anonymous: true }),
} as const;
