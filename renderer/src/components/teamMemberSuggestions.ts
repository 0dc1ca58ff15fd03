/** «Marit Solvang» → «MS»; one name → its first two letters. Only a suggestion the member can change. */
export function suggestInitials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const letters = words.length === 1 ? words[0]!.slice(0, 2) : `${words[0]![0]}${words[words.length - 1]![0]}`;
  return letters.toLocaleUpperCase('nb');
}

/** «Marit Sølvberg» → «marit»: user names allow a–z only, so æ, ø and å are spelt out the Norwegian way. */
export function suggestUsername(displayName: string): string {
  const first = displayName.trim().split(/\s+/)[0] ?? '';
  return first
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9._-]/g, '')
    .slice(0, 40);
}
