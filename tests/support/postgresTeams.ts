import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { scramVerifier } from '../../electron/db/postgres/scramVerifier';
import { asRole, asServerAdmin } from './postgresDatabase';

/** A member's own login role on the test server, with the password only the test knows. */
export interface MemberLogin {
  readonly id: number;
  readonly role: string;
  readonly password: string;
  /** The database's URL signed in as this member (SCRAM, as the server requires of every connection). */
  readonly url: string;
}

export interface TestTeam {
  readonly id: number;
  readonly admin: MemberLogin;
  readonly member: MemberLogin;
}

/** A user name no other test file on the shared server uses (roles are server-wide). */
export function uniqueUsername(prefix: string): string {
  return `${prefix}.${randomBytes(4).toString('hex')}`;
}

/** Runs one query on its own connection and closes it. */
export async function queryAs<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/**
 * A team made as the server's administrator makes one: the team (with the schema's defaults; or an existing one), its first
 * administrator through `ettervern_add_administrator`, and a colleague the administrator creates through
 * `ettervern_create_member` over the administrator's own connection.
 */
export async function createTestTeam(ownerUrl: string, nameOrExisting: string | number): Promise<TestTeam> {
  const team =
    typeof nameOrExisting === 'number'
      ? nameOrExisting
      : (await queryAs<{ id: number }>(ownerUrl, 'select ettervern_create_team($1) as id', [nameOrExisting])).rows[0]!.id;
  const admin = { role: uniqueUsername('leder'), password: randomBytes(12).toString('base64url') };
  const adminId = (
    await queryAs<{ id: number }>(ownerUrl, 'select ettervern_add_administrator($1, $2, $3, $4, $5) as id', [
      team,
      admin.role,
      'Leder Lund',
      'LL',
      scramVerifier(admin.password),
    ])
  ).rows[0]!.id;
  const adminUrl = asRole(ownerUrl, admin.role, admin.password);
  const member = { role: uniqueUsername('medlem'), password: randomBytes(12).toString('base64url') };
  const memberId = (
    await queryAs<{ id: number }>(adminUrl, 'select ettervern_create_member($1, $2, $3, $4) as id', [
      member.role,
      'Mette Medlem',
      'MM',
      scramVerifier(member.password),
    ])
  ).rows[0]!.id;
  return {
    id: team,
    admin: { id: adminId, ...admin, url: adminUrl },
    member: { id: memberId, ...member, url: asRole(ownerUrl, member.role, member.password) },
  };
}

/** Drops the test's login roles once their database is gone (roles outlive databases). */
export async function dropRoles(roles: readonly string[]): Promise<void> {
  for (const role of roles) await asServerAdmin(`drop role if exists "${role}"`);
}
