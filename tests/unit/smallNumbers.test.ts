import { describe, expect, it } from 'vitest';
import { isSuppressed, publishCount, publishedText, SMALL_NUMBER_LABEL } from '@shared/domain/smallNumbers';

describe('the small-number rule', () => {
  it('hides 1 to 4, shows 0 and 5 and more', () => {
    expect([0, 1, 4, 5, 12].map((n) => isSuppressed(n))).toEqual([false, true, true, false, false]);
    expect(publishCount(4)).toEqual({ kind: 'suppressed', label: SMALL_NUMBER_LABEL });
    expect(publishCount(5)).toEqual({ kind: 'count', value: 5 });
  });

  it('judges a derived figure by the number of cases behind it', () => {
    expect(publishCount(3.5, 4).kind).toBe('suppressed');
    expect(publishCount(3.5, 6)).toEqual({ kind: 'count', value: 3.5 });
  });

  it('prints «færre enn 5» instead of the number', () => {
    expect(publishedText(publishCount(3))).toBe('færre enn 5');
    expect(publishedText(publishCount(7), (n) => `${n} saker`)).toBe('7 saker');
  });
});
