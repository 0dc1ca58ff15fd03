import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { cliInProcess as cli } from '../support/commandLine';
import { makeTempDir } from '../support/testDatabase';

/** `first-administrator`: the app's first start from the command line, the one way a command creates a member. */
const temp = makeTempDir('ettervern-first-admin-');
const PASSWORD = 'et-langt-nok-passord';
const create = (path: string) => cli(['first-administrator', '--db', path, '--user', 'leder', '--name', 'Leder Lund', '--initials', 'LL']);

afterEach(() => {
  delete process.env[PASSWORD_ENV];
});
afterAll(() => temp.cleanup());

describe('first-administrator', () => {
  it('creates a new database with its administrator, who then signs in with the password from the environment', async () => {
    const path = join(temp.dir, 'ny.sqlite');
    process.env[PASSWORD_ENV] = PASSWORD;
    const run = await create(path);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ database: path, member: { username: 'leder', role: 'administrator', active: true } });
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);

    const signedIn = await cli(['call', 'session:get-current', '--db', path, '--actor', 'leder']);
    expect(signedIn.status).toBe(0);
    expect(JSON.parse(signedIn.stdout)).toMatchObject({ member: { username: 'leder' }, needsFirstMember: false });

    const again = await create(path);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Databasen har alt teammedlemmer');
  });

  it('leaves no database behind when the password is missing or too short', async () => {
    const path = join(temp.dir, 'avvist.sqlite');
    const missing = await create(path);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`Sett passordet i miljøvariabelen ${PASSWORD_ENV}`);
    expect(existsSync(path)).toBe(false);

    process.env[PASSWORD_ENV] = 'kort';
    const short = await create(path);
    expect(short.status).toBe(1);
    expect(JSON.parse(short.stdout).error.fieldErrors.password).toBe('Passordet må ha minst 10 tegn');
    expect(existsSync(path)).toBe(false);
  });
});
