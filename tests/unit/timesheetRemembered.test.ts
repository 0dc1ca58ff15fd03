import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED, remembered } from '../../electron/services/timesheet/remembered';

describe('remembered', () => {
  it('matches each spelling once, undefined answers too', () => {
    const asked: string[] = [];
    const match = remembered((text: string) => {
      asked.push(text);
      return text === 'Bodø' ? undefined : text.length;
    });
    expect([match('Fauske'), match('Bodø'), match('Fauske'), match('Bodø')]).toEqual([6, undefined, 6, undefined]);
    expect(asked).toEqual(['Fauske', 'Bodø']);
  });

  it('stops remembering at its cap and still answers every spelling right', () => {
    let calls = 0;
    const match = remembered((n: number) => {
      calls += 1;
      return n * 2;
    });
    for (let n = 0; n < MAX_REMEMBERED + 10; n++) expect(match(n)).toBe(n * 2);
    expect(calls).toBe(MAX_REMEMBERED + 10);
    // The first ones are still remembered; those past the cap are matched again each time.
    expect([match(0), match(MAX_REMEMBERED - 1)]).toEqual([0, (MAX_REMEMBERED - 1) * 2]);
    expect(calls).toBe(MAX_REMEMBERED + 10);
    expect(match(MAX_REMEMBERED + 5)).toBe((MAX_REMEMBERED + 5) * 2);
    expect(calls).toBe(MAX_REMEMBERED + 11);
  });
});
