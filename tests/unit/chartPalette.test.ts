import { describe, expect, it } from 'vitest';
import { CHART_PALETTE } from '@shared/charts/types';

/** Grey value 0–255 a greyscale printer or Word's «greyscale» makes of a colour (Rec. 601 luma). */
const grey = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b!;
};

const pairs = <T>(items: readonly T[]) => items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as const));

describe('the chart palette', () => {
  it('has 10 different colours', () => {
    expect(CHART_PALETTE).toHaveLength(10);
    expect(new Set(CHART_PALETTE.map((c) => c.toUpperCase())).size).toBe(10);
  });

  it('keeps every two colours at least 19 grey levels apart, and every colour clear of the white page', () => {
    const distances = pairs(CHART_PALETTE).map(([a, b]) => Math.abs(grey(a) - grey(b)));
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(19);
    expect(Math.max(...CHART_PALETTE.map(grey))).toBeLessThanOrEqual(255 - 35);
  });

  it('spans the grey range with the first five, the cost chart’s series', () => {
    const firstFive = CHART_PALETTE.slice(0, 5).map(grey);
    expect(Math.max(...firstFive) - Math.min(...firstFive)).toBeGreaterThanOrEqual(150);
  });
});
