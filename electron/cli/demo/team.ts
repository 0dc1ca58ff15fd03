import type { TeamMemberDto } from '@shared/contract';
import type { Actor, ServiceContext } from '../../services/context';
import { callChannelAsync } from './serviceCall';
import { DEMO_PASSWORD, DEMO_PROJECT_LEADER, DEMO_THERAPISTS, type DemoStaffMember } from './staff';

export interface CreatedTeam {
  projectLeader: TeamMemberDto;
  therapists: TeamMemberDto[];
  peerSupportId: number | null;
  actors: Map<number, Actor>;
}

function toActor(member: TeamMemberDto): Actor {
  return { id: member.id, username: member.username, role: member.role };
}

function create(ctx: ServiceContext, member: DemoStaffMember): Promise<TeamMemberDto> {
  return callChannelAsync(ctx, 'team-members:create', {
    username: member.username,
    displayName: member.displayName,
    initials: member.initials,
    role: member.role,
    password: DEMO_PASSWORD,
  });
}

/** The project leader first (on a fresh database the first member becomes administrator), then the four therapists. */
export async function createTeam(ctx: ServiceContext): Promise<CreatedTeam> {
  const projectLeader = await create({ ...ctx, actor: null }, DEMO_PROJECT_LEADER);
  const asLeader = { ...ctx, actor: toActor(projectLeader) };
  // One after another: each is its own audited write, in the order the audit log should show.
  const therapists: TeamMemberDto[] = [];
  for (const member of DEMO_THERAPISTS) therapists.push(await create(asLeader, member));
  const peerSupportIndex = DEMO_THERAPISTS.findIndex((member) => member.peerSupport);
  const actors = new Map([projectLeader, ...therapists].map((member) => [member.id, toActor(member)]));
  return { projectLeader, therapists, peerSupportId: therapists[peerSupportIndex]?.id ?? null, actors };
}
