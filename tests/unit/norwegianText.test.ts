import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/open';
import { compareNorwegian, norwegianCollator } from '@shared/format';

/** Sorting and searching Norwegian text, in SQL (nb_key, nb_fold) and in TypeScript (the collator). */
let db: AppDatabase;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  db.sqlite.exec('create temp table words (word text not null)');
});

afterAll(() => db.close());

function sortInSql(words: readonly string[]): string[] {
  db.sqlite.exec('delete from temp.words');
  const insert = db.sqlite.prepare('insert into temp.words (word) values (?)');
  // Insert in reverse so that an ORDER BY that does nothing cannot pass by accident.
  for (const word of [...words].reverse()) insert.run(word);
  return (db.sqlite.prepare('select word from temp.words order by nb_key(word), word').all() as { word: string }[]).map((r) => r.word);
}

function sortWithCollator(words: readonly string[]): string[] {
  return [...words].reverse().sort(compareNorwegian);
}

const ALPHABET_END = ['Zeta', 'Ørsta', 'Ålesund'];

describe('Norwegian alphabetical order', () => {
  it.each([
    ['nb_key in SQL', sortInSql],
    ['the collator in shared/format', sortWithCollator],
  ])('%s puts Zeta < Ørsta < Ålesund and Æ < Ø < Å', (_name, sort) => {
    expect(sort(['Ålesund', 'Zeta', 'Ørsta'])).toEqual(ALPHABET_END);
    expect(sort(['Å', 'Ø', 'Æ'])).toEqual(['Æ', 'Ø', 'Å']);
    expect(sort(['å', 'Ø', 'æ', 'Z', 'a'])).toEqual(['a', 'Z', 'æ', 'Ø', 'å']);
  });

  it.each([
    ['nb_key in SQL', sortInSql],
    ['the collator in shared/format', sortWithCollator],
  ])('%s ignores case', (_name, sort) => {
    expect(sort(['ålesund', 'ZETA', 'ørsta', 'Bodø', 'aLTA'])).toEqual(['aLTA', 'Bodø', 'ZETA', 'ørsta', 'ålesund']);
    expect(sort(['øy', 'Æra', 'åker'])).toEqual(['Æra', 'øy', 'åker']);
  });

  it('SQL and the collator agree on the names the team will see', () => {
    // Real municipality and person names: accents, æøå inside words, «aa» (read as å in Norwegian),
    // numbers, spaces and hyphens.
    const names = [
      'Sørfold',
      'Saltdal',
      'Steigen',
      'Fauske',
      'Hamarøy',
      'Meløy',
      'Gildeskål',
      'Beiarn',
      'Rødøy',
      'Andre kommuner',
      'Felles',
      'Bodø',
      'Ørsta',
      'Ålesund',
      'Aasen',
      'Aase Hansen',
      'Haakon Berg',
      'Håkon Aas',
      'Hakon Dahl',
      'Ærøy',
      'Øksnes',
      'Åfjord',
      'Zahl',
      'René Olsen',
      'Rene Olsen',
      'Anne-Lise Bø',
      'Anne Lise Bø',
      'Team 9',
      'Team 10',
      'Mo i Rana',
      'Moskenes',
      'Kåre',
      'Kari',
      'Äpple',
      'Öberg',
      'Ødegård',
    ];
    const byCollator = sortWithCollator(names);
    const bySql = sortInSql(names);
    // Names equal to the collator (e.g. «René» and «Rene») may come in either order.
    const rank = (list: string[]) => list.map((name) => byCollator.findIndex((n) => norwegianCollator.compare(n, name) === 0));
    expect(rank(bySql)).toEqual(rank(byCollator));
  });
});

describe('nb_fold for case-insensitive search', () => {
  function search(term: string): string[] {
    return (
      db.sqlite.prepare('select name from municipalities where instr(nb_fold(name), nb_fold(?)) > 0 order by name').all(term) as {
        name: string;
      }[]
    ).map((r) => r.name);
  }

  it.each(['sørf', 'SØRF', 'Sørfold', 'SØRFOLD', 'ørfo'])('finds Sørfold from %j', (term) => {
    expect(search(term)).toEqual(['Sørfold']);
  });

  it('folds Norwegian capitals that NOCASE leaves alone', () => {
    expect(search('RØDØY')).toEqual(['Rødøy']);
    expect(search('meløy')).toEqual(['Meløy']);
    expect(search('ØY').sort(compareNorwegian)).toEqual(['Hamarøy', 'Meløy', 'Rødøy']);
  });

  it('finds å typed as a + combining ring (decomposed text)', () => {
    expect(search('GILDESKA\u030aL')).toEqual(['Gildeskål']);
  });

  it('finds nothing for a term that is not there', () => {
    expect(search('sorf')).toEqual([]);
  });
});
