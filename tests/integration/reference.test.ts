import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase({ member: false });
});
afterEach(() => t.close());

describe('reference lists', () => {
  it('lists the municipalities in the team’s own order, readable before anyone signs in', async () => {
    const list = await t.okAsync('municipalities:list', {});
    expect(list.map((m) => m.name)).toEqual([
      'Fauske',
      'Sørfold',
      'Hamarøy',
      'Steigen',
      'Saltdal',
      'Meløy',
      'Gildeskål',
      'Beiarn',
      'Rødøy',
      'Andre kommuner',
      'Felles',
    ]);
    expect(list.find((m) => m.name === 'Fauske')).toMatchObject({ code: 'FA', municipalityNumber: '1841', kind: 'member', memberTo: null });
    expect(list.find((m) => m.name === 'Felles')).toMatchObject({ code: null, municipalityNumber: null, kind: 'shared' });
  });

  it('lists categories by number and hides retired ones unless asked', async () => {
    expect((await t.okAsync('categories:list', {})).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    t.db.sqlite.prepare("update categories set retired_at = '2021-01-01' where number = 5").run();
    expect((await t.okAsync('categories:list', {})).map((c) => c.number)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
    const all = await t.okAsync('categories:list', { includeRetired: true });
    expect(all.find((c) => c.number === 5)).toMatchObject({ name: 'Administrasjonsarbeid', retired: true, caseWork: false });
    expect(all.find((c) => c.number === 1)).toMatchObject({ name: 'Brukeroppfølging', retired: false, caseWork: true });
  });
});
