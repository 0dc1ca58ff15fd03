import { z } from '../validation/zodNorwegian';
import { idSchema, shortText, versionField } from './common';
import { mutationChannel, queryChannel } from './channel';
import { TEAM_ROLES, type TeamRole } from '../domain/caseStatus';

export interface TeamMemberDto {
  id: number;
  username: string;
  displayName: string;
  initials: string;
  role: TeamRole;
  active: boolean;
  /** Sent back with a change of name, initials, role or active state (migration 0013). */
  version: number;
}

export const PASSWORD_MIN_LENGTH = 10;

/** A new password: long rather than complicated (NSM's advice); no upper limit worth guessing at but a sane one. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Passordet må ha minst ${PASSWORD_MIN_LENGTH} tegn` })
  .max(200, { message: 'Passordet kan ha høyst 200 tegn' });

const teamMemberNames = {
  displayName: shortText(80),
  initials: z
    .string()
    .trim()
    .min(2)
    .max(4)
    .regex(/^\p{Lu}+$/u, { message: 'Initialer skrives med 2–4 store bokstaver' }),
  role: z.enum(TEAM_ROLES).default('teammedlem'),
};

/**
 * A user name: lower-case ASCII letters, digits, dot, hyphen and underscore. On a PostgreSQL server it is also
 * the member's login role, so the server's member functions check the same rule before naming a role.
 */
export const USERNAME_RULE = { pattern: /^[a-z0-9._-]+$/, minLength: 2, maxLength: 40 } as const;

export const createTeamMemberInput = z.strictObject({
  username: z
    .string()
    .trim()
    .min(USERNAME_RULE.minLength)
    .max(USERNAME_RULE.maxLength)
    .regex(USERNAME_RULE.pattern, { message: 'Brukernavn kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek' }),
  ...teamMemberNames,
  password: newPasswordSchema,
});

export const updateTeamMemberInput = z.strictObject({ id: idSchema, ...versionField, ...teamMemberNames, role: z.enum(TEAM_ROLES) });

const TEAM = ['team_members', 'audit_log'] as const;

export const teamMemberChannels = {
  'team-members:list': queryChannel<TeamMemberDto[]>()(z.strictObject({ includeInactive: z.boolean().optional() }), 'Teammedlemmer, sortert på navn', [
    'team_members',
  ]),
  // Anonymous only on a fresh database, for the first member; after that the service requires an administrator.
  'team-members:create': mutationChannel<TeamMemberDto>()(createTeamMemberInput, 'Opprett teammedlem med passord', TEAM, {
    anonymous: true,
  }),
  'team-members:update': mutationChannel<TeamMemberDto>()(updateTeamMemberInput, 'Endre navn, initialer eller rolle', TEAM),
  'team-members:set-active': mutationChannel<TeamMemberDto>()(
    z.strictObject({ id: idSchema, ...versionField, active: z.boolean() }),
    'Deaktiver eller aktiver et teammedlem (slettes aldri: historikken beholdes)',
    TEAM,
  ),
  'team-members:set-password': mutationChannel<TeamMemberDto>()(
    z.strictObject({ id: idSchema, password: newPasswordSchema }),
    'Sett nytt passord for et teammedlem (opphever også låsing etter feil passord)',
    TEAM,
  ),
} as const;
