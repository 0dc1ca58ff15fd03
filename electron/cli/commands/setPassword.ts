import { newPasswordSchema } from '@shared/contract/teamMembers';
import { setPasswordFromCommandLine } from '../../services/session/credentials';
import { systemClock } from '../../services/context';
import { findTeamMemberByUsername } from '../../services/team/teamMembers';
import { PASSWORD_ENV } from '../actorSignIn';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { openCliDatabase } from '../database';
import { CliFailure, EXIT, UsageError } from '../io';

/** Sets a member's password from outside the app: the way in for a database that predates passwords. */
export const setPasswordCommand: CliCommand = {
  name: 'set-password',
  synopsis: 'set-password --db FIL --user BRUKERNAVN',
  description: [
    'Setter passordet til et teammedlem, for eksempel når databasen er fra før Ettervern fikk passord',
    `eller administratoren har glemt sitt. Passordet leses fra miljøvariabelen ${PASSWORD_ENV}.`,
    'Endringen føres i revisjonsloggen uten innlogget bruker.',
  ],
  options: { db: { type: 'string' }, user: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const env = process.env;
    const path = stringOption(args, 'db');
    if (!path) throw new UsageError('Mangler --db FIL');
    const username = stringOption(args, 'user');
    if (!username) throw new UsageError('Mangler --user BRUKERNAVN');
    const password = newPasswordSchema.safeParse(env[PASSWORD_ENV] ?? '');
    if (!env[PASSWORD_ENV]) throw new CliFailure(`Sett det nye passordet i miljøvariabelen ${PASSWORD_ENV}`);
    if (!password.success) throw new CliFailure(password.error.issues[0]!.message);
    const db = await openCliDatabase(path);
    try {
      const ctx = { db, actor: null, clock: systemClock, session: { actor: null } };
      const member = findTeamMemberByUsername(ctx, username);
      if (!member) throw new CliFailure('Fant ikke noe teammedlem med det brukernavnet');
      setPasswordFromCommandLine(ctx, member, password.data);
      io.err(`Passordet er satt for ${member.username}.`);
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
