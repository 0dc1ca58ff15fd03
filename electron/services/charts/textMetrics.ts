import { DEJAVU_CHARS, DEJAVU_SANS_BOLD, DEJAVU_SANS_REGULAR } from './dejavuSansMetrics';

const REGULAR = new Map([...DEJAVU_CHARS].map((ch, i) => [ch, DEJAVU_SANS_REGULAR[i]!]));
const BOLD = new Map([...DEJAVU_CHARS].map((ch, i) => [ch, DEJAVU_SANS_BOLD[i]!]));
/** A character outside the table counts as wide as «W»: too wide leaves space, too narrow cuts text. */
const UNKNOWN = Math.max(...DEJAVU_SANS_BOLD);

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const ch of text) thousandths += widths.get(ch) ?? UNKNOWN;
  return (thousandths * fontSize) / 1000;
}

/**
 * ECharts' measureText for server-side rendering, where there is no canvas to ask: it gets a CSS font
 * shorthand («bold 14px 'Segoe UI', …»). Without it ECharts guesses narrower text than DejaVu Sans draws,
 * and legend labels run into each other and axis labels are clipped.
 */
export function measureChartText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? '');
  return { width: textWidth(text, size, bold) };
}
