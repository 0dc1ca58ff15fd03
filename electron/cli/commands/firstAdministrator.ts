import { existsSync } from 'node:fs';
import type { ChannelInput, SessionDto, TeamMemberDto } from '@shared/contract';
import type { AppDatabase } from '../../db/open';
import { createDispatcher } from '../../services/dispatcher';
import { passwordFromEnvironment } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { firstAdministratorSpec } from '../commandSpecs';
import { removeDatabaseFiles, thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, printJson, valueOf, type CliIo } from '../io';

async function createFirstAdministrator(db: AppDatabase, member: Omit<ChannelInput<'team-members:create'>, 'role'>): Promise<TeamMemberDto> {
  const dispatcher = createDispatcher({ db });
  const session = valueOf<SessionDto>(await dispatcher.dispatchAsync('session:get-current', {}));
  if (!session.needsFirstMember) {
    throw new CliFailure('Databasen har alt teammedlemmer. En administrator legger til kolleger i appen under «Team».');
  }
  return valueOf<TeamMemberDto>(await dispatcher.dispatchAsync('team-members:create', member));
}

/**
 * The first start of the app, from the command line: on a database without members, `team-members:create`
 * answers without a signed-in member and makes the new member administrator (the service's rule, not
 * this command's). The password comes from the environment like every other password here.
 */
export async function runFirstAdministrator(args: CommandArgs<typeof firstAdministratorSpec>, io: CliIo): Promise<number> {
  const password = passwordFromEnvironment('passordet');
  const isNew = !existsSync(args.db);
  let member: TeamMemberDto;
  try {
    member = await withCliDatabase(
      args.db,
      (db) => createFirstAdministrator(db, { username: args.user, displayName: args.name, initials: args.initials, password }),
      { create: true, pc: thisPc(args.vitnemappe, io) },
    );
  } catch (error) {
    // A refused member (a short password, say) must not leave a new, empty database behind.
    if (isNew) removeDatabaseFiles(args.db);
    throw error;
  }
  printJson(io, { database: args.db, member });
  io.err(`${member.username} er opprettet som administrator.`);
  return EXIT.ok;
}
