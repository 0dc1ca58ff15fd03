/**
 * What the entry row accepts for Kommune and Hendelse: a number (categories 1–10), the whole name, or
 * the start of one name — without regard to case and spacing («bruker opp» is Brukeroppfølging).
 * Ambiguous or unknown text resolves to nothing and the field says so; nothing is guessed.
 */
export interface Choice {
  id: number;
  name: string;
  number?: number;
}

export const foldChoice = (text: string) => text.replace(/\s+/gu, '').toLocaleLowerCase('nb');

export function resolveChoice<T extends Choice>(text: string, choices: readonly T[]): T | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  const numbered = /^(\d{1,2})(?:[.\s]\s*(.*))?$/u.exec(typed);
  if (numbered) {
    const byNumber = choices.find((c) => c.number === Number(numbered[1]));
    if (!byNumber) return undefined;
    const rest = numbered[2]?.trim();
    return !rest || foldChoice(byNumber.name).startsWith(foldChoice(rest)) ? byNumber : undefined;
  }
  const folded = foldChoice(typed);
  const exact = choices.find((c) => foldChoice(c.name) === folded);
  if (exact) return exact;
  const starts = choices.filter((c) => foldChoice(c.name).startsWith(folded));
  return starts.length === 1 ? starts[0] : undefined;
}

export const choiceLabel = (c: Choice) => (c.number === undefined ? c.name : `${c.number} ${c.name}`);
