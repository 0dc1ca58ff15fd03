import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { ContextFor, ServiceContext, SignedInContext } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { handlers } from '../../electron/services/handlers';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe('dispatcher', () => {
  it('turns an unexpected failure into a Norwegian error and reports only channel and error class', () => {
    const reportError = vi.fn();
    const secret = 'Kari Nordmann 010190 12345';
    const dispatcher = createDispatcher({
      db: t.db,
      session: t.dispatcher.session,
      reportError,
      handlers: {
        ...handlers,
        'cases:list': () => {
          throw new TypeError(`kaputt: ${secret}`);
        },
      },
    });
    const result = dispatcher.dispatch('cases:list', { search: '01/20' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Noe gikk galt. Ingenting ble lagret.', fieldErrors: {} } });
    expect(reportError).toHaveBeenCalledExactlyOnceWith({ channel: 'cases:list', errorName: 'TypeError' });
  });

  it('does not pass SQLite’s own message on', () => {
    const dispatcher = createDispatcher({
      db: t.db,
      session: t.dispatcher.session,
      handlers: {
        ...handlers,
        'cases:list': (ctx) => {
          ctx.db.sqlite
            .prepare("insert into team_members (username, display_name, initials, role, created_at) values ('marit', 'x', 'XX', 'teammedlem', 'x')")
            .run();
          return [];
        },
      },
    });
    const result = dispatcher.dispatch('cases:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Dette finnes allerede. Ingenting ble lagret.' } });
    expect(JSON.stringify(result)).not.toMatch(/UNIQUE|team_members|marit/);
  });

  it('gives the service the parsed input, with defaults and hours turned into minutes', async () => {
    const seen: unknown[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      session: t.dispatcher.session,
      handlers: {
        ...handlers,
        'time-entries:list': (_ctx, input) => (
          seen.push(input),
          { rows: [], total: 0, page: 0, pageSize: 0, totals: { minutes: 0, personMinutes: 0, entries: 0 } }
        ),
        'time-entries:create': (_ctx, input) => (seen.push(input), null as never),
      },
    });
    await dispatcher.dispatchAsync('time-entries:list', {});
    await dispatcher.dispatchAsync('time-entries:create', { date: '2020-03-02', municipalityId: 4, categoryId: 1, hours: '1½' });
    expect(seen).toEqual([
      { page: 0, pageSize: 100, sort: { field: 'date', direction: 'desc' }, filter: {} },
      { date: '2020-03-02', municipalityId: 4, categoryId: 1, minutes: 90 },
    ]);
  });

  it('checks the member against the database before every channel that is not anonymous, reads included', async () => {
    const seen: unknown[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      session: t.dispatcher.session,
      handlers: { ...handlers, 'cases:list': (ctx) => (seen.push(ctx.actor), []) },
    });
    const member = t.member!;
    t.db.sqlite.prepare("update team_members set role = 'teammedlem' where id = ?").run(member.id);
    expect(dispatcher.dispatch('cases:list', {})).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([{ id: member.id, username: member.username, role: 'teammedlem' }]);

    t.db.sqlite.prepare('update team_members set active = 0 where id = ?').run(member.id);
    expect(dispatcher.dispatch('cases:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: 'Brukeren er deaktivert. Logg inn på nytt.' },
    });
    expect(seen).toHaveLength(1);
    expect(await dispatcher.dispatchAsync('municipalities:list', {})).toMatchObject({ ok: true });
  });

  it('types a service’s context by the contract’s anonymous flag (checked by the type check)', () => {
    expectTypeOf<ContextFor<'cases:list'>>().toEqualTypeOf<SignedInContext>();
    expectTypeOf<ContextFor<'time-entries:create'>>().toEqualTypeOf<SignedInContext>();
    expectTypeOf<ContextFor<'session:sign-in'>>().toEqualTypeOf<ServiceContext>();
    expectTypeOf<ContextFor<'backups:restore'>>().toEqualTypeOf<ServiceContext>();
  });

  it('runs an anonymous channel with nobody signed in, and refuses the others before their service', async () => {
    const seen: unknown[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      handlers: { ...handlers, 'municipalities:list': (ctx) => (seen.push(ctx.actor), []), 'cases:list': (ctx) => (seen.push(ctx.actor), []) },
    });
    expect(dispatcher.dispatch('municipalities:list', {})).toEqual({ ok: true, value: [] });
    expect(dispatcher.dispatch('cases:list', {})).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Du må være logget inn', fieldErrors: {} } });
    expect(seen).toEqual([null]);
  });

  it('answers a service that returns a promise through dispatchAsync, and refuses it in dispatch', async () => {
    const reported: string[] = [];
    const dispatcher = createDispatcher({
      db: t.db,
      session: t.dispatcher.session,
      reportError: (report) => reported.push(report.channel),
      handlers: {
        ...handlers,
        'cases:list': async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return [];
        },
        'cases:get': async () => {
          throw new TypeError('verdi «02/20-ST» lekket');
        },
        'categories:list': () => [],
      },
    });
    expect(await dispatcher.dispatchAsync('cases:list', {})).toEqual({ ok: true, value: [] });
    expect(dispatcher.dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const failed = await dispatcher.dispatchAsync('cases:get', { id: 1 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(failed)).not.toContain('02/20-ST');
    expect(await dispatcher.dispatchAsync('cases:get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Synchronous services answer the same way through both doors.
    expect(await dispatcher.dispatchAsync('categories:list', {})).toEqual(dispatcher.dispatch('categories:list', {}));
    expect(reported).toEqual(['cases:list', 'cases:get']);
  });
});
