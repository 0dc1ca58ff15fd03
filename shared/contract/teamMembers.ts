import { z } from './zodNorwegian';
import { shortText } from './common';
import { mutationChannel, queryChannel } from './channel';
import { TEAM_ROLES, type TeamRole } from '../domain/caseStatus';

export interface TeamMemberDto {
  id: number;
  username: string;
  displayName: string;
  initials: string;
  role: TeamRole;
  active: boolean;
}

export const createTeamMemberInput = z.strictObject({
  username: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9._-]+$/, { message: 'Brukernavn kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek' }),
  displayName: shortText(80),
  initials: z
    .string()
    .trim()
    .min(2)
    .max(4)
    .regex(/^\p{Lu}+$/u, { message: 'Initialer skrives med 2–4 store bokstaver' }),
  role: z.enum(TEAM_ROLES).default('teammedlem'),
});

export const teamMemberChannels = {
  'team-members:list': queryChannel<TeamMemberDto[]>()(
    z.strictObject({ includeInactive: z.boolean().optional() }),
    'Teammedlemmer, sortert på navn',
  ),
  // Anonymous only on a fresh database, for the first member; the service requires an actor after that.
  'team-members:create': mutationChannel<TeamMemberDto>()(
    createTeamMemberInput,
    'Opprett teammedlem',
    ['team-members', 'session'],
    { anonymous: true },
  ),
} as const;
