// Last parts of the long compound words in category names. Chromium cannot hyphenate Norwegian by
// itself (no dictionary in Electron), so «Administrasjonsarbeid» would set the width of a whole pivot
// column. A soft hyphen breaks «Administrasjons-/arbeid» only when needed; screen readers ignore it.
const LAST_PARTS = ['oppfølging', 'partnere', 'arbeid', 'konsulent', 'leder'];
const MIN_LENGTH = 11;
const SOFT_HYPHEN = '\u00ad';

export function withSoftHyphens(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const lower = word.toLocaleLowerCase('nb');
      const part = word.length >= MIN_LENGTH ? LAST_PARTS.find((p) => lower.endsWith(p) && lower.length - p.length >= 4) : undefined;
      return part ? `${word.slice(0, word.length - part.length)}${SOFT_HYPHEN}${word.slice(word.length - part.length)}` : word;
    })
    .join('');
}
