/** One other instance with the database open, as `database:presence` lists it. */
export interface PresentColleague {
  name: string;
  machine: string;
}

/** «Siri Kristoffersen» → «Siri K.»: enough to know who it is, short enough for the header. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts[0]} ${parts[parts.length - 1]!.charAt(0).toLocaleUpperCase('nb')}.`;
}

/** How many are named before «og N til»: the header has room for about two at 1366 px. */
export const NAMED_IN_HEADER = 2;

/**
 * «Også inne nå: Siri K. (PC-NAVN), Ola N. (KONTOR-2) og 1 til» — null when nobody else is in. The same
 * person on two PCs is listed twice, since each PC holds the file open.
 */
export function presenceLine(others: readonly PresentColleague[]): { short: string; full: string } | null {
  if (others.length === 0) return null;
  const label = (other: PresentColleague) => `${shortName(other.name)} (${other.machine})`;
  const named = others.slice(0, NAMED_IN_HEADER).map(label).join(', ');
  const rest = others.length - NAMED_IN_HEADER;
  return {
    short: `Også inne nå: ${named}${rest > 0 ? ` og ${rest} til` : ''}`,
    full: `Også inne nå: ${others.map((other) => `${other.name} (${other.machine})`).join(', ')}`,
  };
}
