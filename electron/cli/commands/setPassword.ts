import { newPasswordSchema } from '@shared/contract/teamMembers';
import { setPasswordFromCommandLine } from '../../services/session/credentials';
import { systemClock } from '../../services/context';
import { findTeamMemberByUsername } from '../../services/team/teamMembers';
import { passwordFromEnvironment } from '../actorSignIn';
import type { CommandArgs } from '../command';
import type { setPasswordSpec } from '../commandSpecs';
import { thisPc, withCliDatabase } from '../database';
import { CliFailure, EXIT, type CliIo } from '../io';

/** Sets a member's password from outside the app: the way in for a database that predates passwords. */
export async function runSetPassword(args: CommandArgs<typeof setPasswordSpec>, io: CliIo): Promise<number> {
  const password = newPasswordSchema.safeParse(passwordFromEnvironment('det nye passordet'));
  if (!password.success) throw new CliFailure(password.error.issues[0]!.message);
  return withCliDatabase(
    args.db,
    async (db) => {
      const ctx = { db, actor: null, clock: systemClock, session: { actor: null } };
      const member = await findTeamMemberByUsername(ctx, args.user);
      if (!member) throw new CliFailure('Fant ikke noe teammedlem med det brukernavnet');
      await setPasswordFromCommandLine(ctx, member, password.data);
      io.err(`Passordet er satt for ${member.username}.`);
      return EXIT.ok;
    },
    { pc: thisPc(args.vitnemappe, io) },
  );
}
