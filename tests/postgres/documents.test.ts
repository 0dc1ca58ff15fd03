import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDb, type Db } from '../../electron/db/engine';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';
import { copySqliteToPostgres } from '../../electron/db/postgres/copyFromSqlite/copySqliteToPostgres';
import { TEAM_SETTING } from '../../electron/db/postgres/roles';
import { annualReportTexts, saveAnnualReportText } from '../../electron/services/annualReport/texts';
import { fixedClock, type OnAnyEngine, type SignedInContext } from '../../electron/services/context';
import { evaluationSummary, listEvaluations, registerEvaluation, updateEvaluation } from '../../electron/services/documents/evaluations';
import { createNetworkEvent, deleteNetworkEvent, listNetworkEvents, updateNetworkEvent } from '../../electron/services/network/network';
import { signedInContextSync } from '../../electron/services/session/actor';
import { ServiceError } from '../../electron/services/errors/serviceError';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../support/postgresDatabase';
import { createTestDatabase, municipalityId, type TestDatabase } from '../support/testDatabase';

/**
 * The evaluation forms, the network log and the annual report's texts on a real server: one team's file is
 * moved to a new database with `copySqliteToPostgres`, and then the same writes and reads run through the
 * services on the file and on the server. Each answer (the forms read back, the log with its partners in
 * Norwegian order, a stale text refused with the colleague's name, a date in the future refused in
 * Norwegian) must be the same on both.
 */
const NOW = '2021-03-10T09:42:00.000Z';
const LATER = '2021-03-10T09:43:00.000Z';

let t: TestDatabase;
let server: TestPostgresDatabase;
let team: PostgresConnection;
let caseCode: string;
let caseId: number;
let contactIds: number[];

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const created = t.ok('cases:create', { municipalityId: municipalityId(t, 'Fauske'), referralDate: '2021-01-10' });
  caseCode = created.code;
  caseId = created.id;
  // Names whose Norwegian order differs from the byte order: Ø and Å after Z, and «Aase» read as «Åse».
  contactIds = [];
  for (const name of ['Aase helsesenter', 'Østre NAV', 'Zahl legekontor', 'Ålesund DPS']) {
    contactIds.push((await t.okAsync('contacts:create', { name, kind: 'nav', area: 'regional' })).id);
  }
  server = await freshPostgresDatabase({ migrate: false });
  const moved = await copySqliteToPostgres(t.path, server.url, { team: 'Ettervern Salten' });
  const url = new URL(server.url);
  url.searchParams.set('options', `-c ${TEAM_SETTING}=${moved.team.id}`);
  team = openPostgres(url.toString(), { max: 2 });
}, 120_000);

afterAll(async () => {
  await team?.close();
  await server?.drop();
  t?.close();
});

type Engine = 'sqlite' | 'postgres';

function on(engine: Engine, now = NOW): OnAnyEngine<SignedInContext> {
  const signedIn = signedInContextSync({ db: t.db, actor: t.dispatcher.session.actor, clock: fixedClock(now), session: t.dispatcher.session });
  const db: Db = engine === 'sqlite' ? t.db : postgresDb(team);
  return { ...signedIn, db };
}

/** What a call answers, or the refusal as the dispatcher would send it: the same shape on both engines. */
async function outcome<T>(call: () => Promise<T>): Promise<{ value: T } | { error: { code: string; message: string; fieldErrors: Record<string, string> } }> {
  try {
    return { value: await call() };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors } };
  }
}

/** The same steps on one engine; every answer is collected, in order. */
async function scenario(engine: Engine): Promise<unknown[]> {
  const ctx = on(engine);
  const answers: unknown[] = [];
  const form = await registerEvaluation(ctx, {
    caseCode,
    receivedDate: '2021-03-01',
    consentToContact: true,
    consentToShare: false,
    answers: { respekt: 5, helhet: 4, fungerte: 'Besøkene hjemme' },
  });
  answers.push(form);
  const corrected = await updateEvaluation(ctx, {
    id: form.id,
    version: form.version,
    receivedDate: '2021-03-02',
    consentToContact: false,
    answers: { respekt: 4, endre: 'Flere møter' },
  });
  answers.push(corrected, await listEvaluations(ctx, { caseId }), await listEvaluations(ctx, { year: 2021 }));
  // A correction made on the form as first read: a colleague saved it since.
  answers.push(
    await outcome(() =>
      updateEvaluation(on(engine, LATER), { id: form.id, version: form.version, receivedDate: '2021-03-03', consentToContact: null, answers: {} }),
    ),
  );
  answers.push(await outcome(() => registerEvaluation(ctx, { caseCode: '99/21-ST', receivedDate: '2021-03-01', consentToContact: null, answers: {} })));
  answers.push(await evaluationSummary(ctx, { year: 2021 }));

  const event = await createNetworkEvent(ctx, {
    date: '2021-02-15',
    kind: 'samarbeidsmote',
    municipalityId: municipalityId(t, 'Steigen'),
    contactIds,
    note: 'Presentasjon av teamet',
  });
  answers.push(event);
  const moved = await updateNetworkEvent(ctx, {
    id: event.id,
    version: event.version,
    date: '2021-02-16',
    kind: 'konferanse',
    contactIds: contactIds.slice(1),
  });
  answers.push(moved, await listNetworkEvents(ctx, { year: 2021 }), await listNetworkEvents(ctx, { kind: 'konferanse' }));
  answers.push(await outcome(() => updateNetworkEvent(on(engine, LATER), { id: event.id, version: event.version, date: '2021-02-17', kind: 'fagnettverk' })));
  answers.push(await outcome(() => createNetworkEvent(ctx, { date: '2021-03-11', kind: 'fagnettverk' })));
  answers.push(await outcome(() => createNetworkEvent(ctx, { date: '2021-03-01', kind: 'fagnettverk', contactIds: [99_999] })));
  const second = await createNetworkEvent(ctx, { date: '2021-01-05', kind: 'informasjonsmote' });
  answers.push(await deleteNetworkEvent(ctx, { id: second.id, version: second.version }), await listNetworkEvents(ctx, {}));

  const text = await saveAnnualReportText(ctx, { year: 2021, section: 'team', text: 'Teamet har fire miljøterapeuter.', version: 0 });
  answers.push(text);
  answers.push(await saveAnnualReportText(on(engine, LATER), { year: 2021, section: 'team', text: 'Endret.', version: text.version }));
  // Saved on the version first read, after the colleague's edit; and a second «first» text.
  answers.push(await outcome(() => saveAnnualReportText(ctx, { year: 2021, section: 'team', text: 'Gammel', version: text.version })));
  answers.push(await outcome(() => saveAnnualReportText(ctx, { year: 2021, section: 'team', text: 'Også første', version: 0 })));
  answers.push(await annualReportTexts(ctx, { year: 2021 }));
  return answers;
}

describe('evaluation forms, network log and annual-report texts on SQLite and PostgreSQL', () => {
  it('answer the same writes and reads alike, refusals included', async () => {
    const onFile = await scenario('sqlite');
    const onServer = await scenario('postgres');
    expect(JSON.stringify(onServer, null, 1)).toBe(JSON.stringify(onFile, null, 1));
    // Not two empty answers: the partners come in Norwegian order, and the refusals are the Norwegian ones.
    const [, , , , staleForm, unknownCase] = onFile as [unknown, unknown, unknown, unknown, { error: { code: string } }, { error: { fieldErrors: unknown } }];
    expect(staleForm.error.code).toBe('conflict');
    expect(unknownCase.error.fieldErrors).toEqual({ caseCode: 'Saken finnes ikke' });
    const event = onFile[7] as { contacts: { name: string }[] };
    expect(event.contacts.map((c) => c.name)).toEqual(['Zahl legekontor', 'Østre NAV', 'Ålesund DPS', 'Aase helsesenter']);
    const staleText = onFile[onFile.length - 3] as { error: { message: string } };
    expect(staleText.error.message).toContain('Teksten ble endret av Marit Solvang kl. 10.43.');
    const future = onFile[12] as { error: { fieldErrors: unknown } };
    expect(future.error.fieldErrors).toEqual({ date: 'Datoen kan ikke være fram i tid' });
  });

  it('left one audit row per write on the server, as on the file', async () => {
    const sql = `select action, record_type, record_id, fields from audit_log where record_type in ('evaluation', 'network_event', 'annual_report_text') order by id`;
    const onFile = t.db.sqlite.prepare(sql).all();
    const onServer = (await team.pool.query(sql)).rows;
    expect(onServer).toEqual(onFile);
    expect(onFile.length).toBeGreaterThan(5);
  });
});
