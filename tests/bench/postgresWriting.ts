import { randomBytes } from 'node:crypto';
import { contract, type ChannelParsedInput } from '@shared/contract';
import { addDays, toIsoDate } from '@shared/dates';
import { dayOfWeek } from '../../electron/cli/demo/calendar';
import { postgresDb } from '../../electron/db/engine';
import { openPostgres, type PostgresConnection } from '../../electron/db/postgres/connect';
import { fixedClock, SIGNED_IN, type OnAnyEngine, type SignedInContext } from '../../electron/services/context';
import { BENCH_DATABASE, query, WRITER_PREFIX, type BenchMember, type BenchServer } from './postgresBenchServer';

/**
 * What the PostgreSQL write measures share: a copy of the bench database to write to (the cached one stays as
 * copied from the file), the writers' own service contexts, and the entries they save.
 */
export interface WritableCopy {
  readonly adminUrl: string;
  memberUrl(username: string): string;
}

const HOURS = ['1,5', '2', '2,5', '3', '3,5'];

/**
 * Runs `work` on a new database copied from the bench database (CREATE DATABASE … TEMPLATE: a file copy, seconds),
 * dropped afterwards. Login roles belong to the server, so every member signs in to the copy as to the original.
 */
export async function withWritableCopy<T>(server: BenchServer, work: (copy: WritableCopy) => Promise<T>): Promise<T> {
  const name = `ettervern_skriv_${randomBytes(4).toString('hex')}`;
  const serverUrl = server.server.url;
  // The template must have no other session: an autovacuum worker on it may need a moment to finish.
  for (let attempt = 1; ; attempt++) {
    try {
      await query(serverUrl, `create database ${name} template ${BENCH_DATABASE}`);
      break;
    } catch (error) {
      if (attempt >= 10 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work({ adminUrl: server.server.urlFor(name), memberUrl: (username) => server.memberUrl(username, name) });
  } finally {
    await query(serverUrl, `drop database ${name} with (force)`);
  }
}

/** The members the write measures sign in as (see WRITER_MEMBERS), in id order. */
export function writers(server: BenchServer): BenchMember[] {
  return server.members.filter((m) => m.username.startsWith(WRITER_PREFIX));
}

/** A writer signed in with their own login role: their own pool, and the service context the app would give them. */
export interface Writer {
  readonly member: BenchMember;
  readonly connection: PostgresConnection;
  readonly ctx: OnAnyEngine<SignedInContext>;
}

export function signIn(copy: WritableCopy, member: BenchMember, lastYear: number): Writer {
  const connection = openPostgres(copy.memberUrl(member.username), { max: 1 });
  // An idle client that loses its server emits 'error'; unheard, Node would end the process.
  connection.pool.on('error', () => undefined);
  const actor = { id: member.id, username: member.username, role: 'teammedlem' as const };
  const ctx: OnAnyEngine<SignedInContext> = {
    db: postgresDb(connection),
    actor,
    clock: fixedClock(`${lastYear}-12-31T15:00:00.000Z`),
    session: { actor },
    [SIGNED_IN]: true,
  };
  return { member, connection, ctx };
}

/**
 * The n-th entry a writer saves: spread over the last year's workdays and the cases referred by each day (time
 * before a referral is refused), with another length each time round the days (the same case, day and time again
 * would be asked about as a likely duplicate). `offset` keeps writers apart.
 */
export async function entryPlan(
  copy: WritableCopy,
  lastYear: number,
): Promise<(writer: Writer, run: number, offset: number) => ChannelParsedInput<'time-entries:create'>> {
  const cases = await query<{ code: string; municipality_id: number; referral_date: string }>(
    copy.adminUrl,
    'select code, municipality_id, referral_date from cases where year = $1 order by referral_date, id',
    [lastYear],
  );
  const categoryId = (await query<{ id: number }>(copy.adminUrl, "select id from categories where name = 'Brukeroppfølging'"))[0]!.id;
  const days: string[] = [];
  for (let date = toIsoDate(lastYear, 1, 1); date <= toIsoDate(lastYear, 12, 31); date = addDays(date, 1)) {
    const weekday = dayOfWeek(date);
    if (weekday !== 0 && weekday !== 6 && date >= cases[0]!.referral_date) days.push(date);
  }
  const referredBy = days.map((day) => cases.filter((c) => c.referral_date <= day).length);
  return (writer, run, offset) => {
    const position = run + offset;
    const day = position % days.length;
    const c = cases[position % referredBy[day]!]!;
    return contract['time-entries:create'].input.parse({
      date: days[day],
      caseCode: c.code,
      municipalityId: c.municipality_id,
      categoryId,
      hours: HOURS[Math.floor(run / days.length) % HOURS.length],
      participantIds: [writer.member.id],
    });
  };
}

/**
 * Whether the entries the writers saved are all there exactly once and nothing else of theirs is, and whether the
 * daily totals the triggers keep equal a recount from the entries (no write lost or torn). Read as the superuser,
 * who sees the whole copy.
 */
export async function checkSavedEntries(
  copy: WritableCopy,
  writerIds: readonly number[],
  savedIds: readonly number[],
): Promise<{ exactlyOnce: boolean; found: number; totalsDiffer: number }> {
  const distinct = new Set(savedIds).size === savedIds.length;
  const [{ present, byWriters, audited }] = (await query<{ present: string; byWriters: string; audited: string }>(
    copy.adminUrl,
    `select (select count(*) from time_entries where id = any($1::int[])) as present,
            (select count(*) from time_entries where created_by = any($2::int[])) as "byWriters",
            (select count(*) from audit_log where actor_id = any($2::int[]) and action = 'create' and record_type = 'time_entry') as audited`,
    [savedIds, writerIds],
  )) as [{ present: string; byWriters: string; audited: string }];
  const [{ differ }] = (await query<{ differ: string }>(
    copy.adminUrl,
    `with kept as (
       select municipality_id, category_id, entry_date, entries::bigint, minutes::bigint, person_minutes::bigint from time_totals_daily where entries <> 0
     ), fresh as (
       select municipality_id, category_id, entry_date, count(*)::bigint, sum(minutes)::bigint, sum(minutes * participant_count)::bigint
         from time_entries group by 1, 2, 3
     )
     select count(*) as differ from ((table kept except all table fresh) union all (table fresh except all table kept)) d`,
  )) as [{ differ: string }];
  const n = savedIds.length;
  return {
    exactlyOnce: distinct && Number(present) === n && Number(byWriters) === n && Number(audited) === n,
    found: Number(present),
    totalsDiffer: Number(differ),
  };
}
