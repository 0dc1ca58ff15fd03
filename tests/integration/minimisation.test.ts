import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLogLine } from '../../electron/main/log';
import { createDispatcher } from '../../electron/services/dispatcher';
import { handlers } from '../../electron/services/handlers';
import { runCli } from '../../electron/cli/main';
import { PASSWORD_ENV } from '../../electron/cli/actorSignIn';
import { CLOSURE_NOTE_MAX_LENGTH, FREE_TEXT_REMINDER } from '@shared/contract/cases/closureNote';
import { createTestDatabase, municipalityId, TEST_PASSWORD_COST, versionOf, type TestDatabase } from '../support/testDatabase';

/** Values a user might type that are personal data; none may reach a log line, an error or CLI output. */
const PERSONAL = ['Kari Nordmann', '01019012345', 'Storgata 7', 'hemmelig-passord-42', 'kari.nordmann'];

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('no personal data in logs, errors or command-line output', () => {
  it('a run full of refusals and crashes writes none of the values it was given', async () => {
    const output: string[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      session: t.dispatcher.session,
      passwordCost: TEST_PASSWORD_COST,
      // What electron/main does with a report: one closed-shape log line.
      reportError: (report) => output.push(formatLogLine({ event: 'channel-error', ...report }, new Date())),
      handlers: {
        ...handlers,
        // A crash whose message quotes the payload, as a careless library might.
        'cases:list': (_ctx, input) => {
          throw new RangeError(`bad search ${JSON.stringify(input)}`);
        },
      },
    });
    const steigen = municipalityId(t, 'Steigen');
    const made = t.ok('cases:create', { municipalityId: steigen, referralDate: '2020-03-01' });
    const calls: [string, unknown][] = [
      ['cases:list', { search: PERSONAL[1] }],
      ['cases:set-closure-note', { id: made.id, closureNote: `${PERSONAL[0]} ${PERSONAL[2]} ${'x'.repeat(CLOSURE_NOTE_MAX_LENGTH)}` }],
      ['team-members:create', { username: PERSONAL[4], displayName: PERSONAL[0], initials: PERSONAL[0], password: PERSONAL[3] }],
      ['team-members:create', { username: 'ok', displayName: PERSONAL[0], initials: 'KN', password: PERSONAL[3], extra: PERSONAL[2] }],
      ['session:unlock', { password: PERSONAL[3] }],
      ['session:change-password', { currentPassword: PERSONAL[3], newPassword: PERSONAL[3] }],
      ['audit:list', { filter: { caseCode: PERSONAL[1] } }],
      ['session:sign-in', { username: PERSONAL[4], password: PERSONAL[3] }],
      ['session:sign-in', { username: 'marit', password: PERSONAL[3] }],
    ];
    for (const [channel, payload] of calls) output.push(JSON.stringify(await dispatcher.dispatchAsync(channel, payload)));
    expect(output.some((line) => line.includes('channel-error channel=cases:list errorName=RangeError'))).toBe(true);

    let cli = '';
    const io = { out: (text: string) => (cli += text), err: (text: string) => (cli += text), now: () => new Date() };
    process.env[PASSWORD_ENV] = PERSONAL[3];
    try {
      await runCli(['call', 'cases:list', JSON.stringify({ search: PERSONAL[1] }), '--db', t.path], io);
      await runCli(
        ['call', 'team-members:create', JSON.stringify({ username: PERSONAL[4], displayName: PERSONAL[0] }), '--db', t.path, '--actor', 'marit'],
        io,
      );
      await runCli(['call', 'cases:list', `{"search": "${PERSONAL[2]}"`, '--db', t.path], io);
    } finally {
      delete process.env[PASSWORD_ENV];
    }
    output.push(cli);

    const everything = output.join('\n');
    for (const value of PERSONAL) expect(everything, value).not.toContain(value);
    // The audit log holds names of fields only.
    const audit = JSON.stringify(t.db.sqlite.prepare('select action, record_type, record_id, fields from audit_log').all());
    for (const value of PERSONAL) expect(audit, value).not.toContain(value);
  });

  it('free text has a length limit and a reminder to show beside it', () => {
    expect(CLOSURE_NOTE_MAX_LENGTH).toBe(500);
    expect(FREE_TEXT_REMINDER).toMatch(/Ikke skriv navn, fødselsnummer eller helseopplysninger/);
    const made = t.ok('cases:create', { municipalityId: municipalityId(t, 'Steigen'), referralDate: '2020-03-01' });
    expect(t.call('cases:set-closure-note', { version: versionOf(t, 'cases', made.id), id: made.id, closureNote: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'validation', fieldErrors: { closureNote: expect.any(String) } },
    });
  });
});
