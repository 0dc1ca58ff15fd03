import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type QueryChannelName } from '@shared/contract';
import { queriesStaleAfter, readsOf } from '@shared/contract/staleQueries';

const queries = CHANNEL_NAMES.filter((channel): channel is QueryChannelName => contract[channel].kind === 'query');

describe('which cached answers a write makes stale', () => {
  it('a step in a case’s life makes the case figures, lasting change, cost share and the overview stale', () => {
    const stale = queriesStaleAfter('cases:close');
    for (const query of ['statistics:case-figures', 'statistics:lasting-change', 'statistics:cost-share', 'overview:get', 'cases:get', 'cases:page'] as const) {
      expect(stale).toContain(query);
    }
  });

  it('every change to a case makes the Statistikk tabs built from cases stale (Saker, Kostnad og hjelp)', () => {
    const caseWrites = CHANNEL_NAMES.filter(
      (channel) => contract[channel].kind === 'mutation' && (contract[channel].writes as readonly string[]).includes('cases'),
    );
    // Created, corrected, moved through its life, reopened, restored from a backup …: all of them.
    expect(caseWrites.length).toBeGreaterThan(5);
    expect(caseWrites).toEqual(expect.arrayContaining(['cases:create', 'cases:correct-code', 'cases:start-follow-up', 'cases:close', 'cases:reopen']));
    for (const mutation of caseWrites) {
      expect(queriesStaleAfter(mutation as never), mutation).toEqual(expect.arrayContaining(['statistics:case-figures', 'statistics:cost-share']));
    }
    // The cost tab also follows the year's budget and populations.
    expect(queriesStaleAfter('cost-share:save-settings')).toContain('statistics:cost-share');
  });

  it('leaves alone what the write cannot have changed', () => {
    const stale = queriesStaleAfter('cases:close');
    for (const query of ['settings:get', 'municipalities:list', 'team-members:list', 'statistics:annual', 'contacts:list'] as const) {
      expect(stale).not.toContain(query);
    }
  });

  it('time logged makes the time tables, the statistics built from it and the case list stale', () => {
    expect(queriesStaleAfter('time-entries:create')).toEqual(
      expect.arrayContaining([
        'time-entries:list',
        'time-entries:week',
        'statistics:annual',
        'statistics:pivot',
        'statistics:familiar-tables',
        'cases:page',
        'overview:get',
      ]),
    );
  });

  it('every write makes the audit log stale', () => {
    for (const mutation of CHANNEL_NAMES.filter((channel) => contract[channel].kind === 'mutation')) {
      expect(queriesStaleAfter(mutation as never), mutation).toContain('audit:list');
    }
  });

  it('signing in makes stale every answer given to a signed-in member, since the last member’s may still be cached', () => {
    const forMembers = queries.filter((query) => !contract[query].anonymous);
    expect(queriesStaleAfter('session:sign-in')).toEqual(expect.arrayContaining([...forMembers, 'session:get-current']));
  });

  // database:changes reads the audit log's last id (a heartbeat is told from a save by it): one more cheap poll.
  it('locking the screen makes stale only who is signed in, the audit log and the change poll, so the covered page keeps its answers', () => {
    expect(queriesStaleAfter('session:lock').sort()).toEqual(['audit:list', 'audit:verify', 'database:changes', 'session:get-current']);
  });

  it('a renamed member is renamed in the session too', () => {
    expect(queriesStaleAfter('team-members:update')).toContain('session:get-current');
  });

  it('a query that needs a signed-in member depends on who it is; one anyone may ask does not', () => {
    expect(readsOf('cases:page')).toContain('signed_in_member');
    expect(readsOf('municipalities:list')).toEqual(['municipalities']);
  });

  it('a restored backup makes every answer read from the database stale', () => {
    const stale = queriesStaleAfter('backups:restore');
    // The dialogs read nothing.
    expect(queries.filter((query) => !stale.includes(query)).sort()).toEqual([
      'database:choose-file',
      'database:choose-folder',
      'system:status',
      'templates:placeholders',
    ]);
  });
});
