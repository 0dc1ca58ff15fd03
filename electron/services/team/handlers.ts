import type { HandlersFor } from '../context';
import { createTeamMember, listTeamMembers, setTeamMemberActive, setTeamMemberPassword, updateTeamMember } from './teamMembers';

/** The team's members: created, changed and deactivated by the administrator. */
export const teamHandlers: HandlersFor<'team-members'> = {
  'team-members:list': listTeamMembers,
  'team-members:create': createTeamMember,
  'team-members:update': updateTeamMember,
  'team-members:set-active': setTeamMemberActive,
  'team-members:set-password': setTeamMemberPassword,
};
