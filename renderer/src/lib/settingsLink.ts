import { hrefFor } from './hashRoute';

/**
 * A link into one section of Innstillinger, optionally for one year: `#/innstillinger/kostnadsfordeling/2019`.
 * Other pages point at the setting that would fix what they cannot show (a missing population), and the
 * settings page opens at that section; one place for the format, as the two features may not import each other.
 */
export function settingsHref(section: string, year?: number): string {
  return hrefFor(['innstillinger', section, ...(year === undefined ? [] : [String(year)])].join('/'));
}

/** The hash parameter of the settings page (`kostnadsfordeling/2019`) → the section and year it names. */
export function settingsTarget(param: string | null): { section: string; year: number | null } | null {
  if (!param) return null;
  const [section, year] = param.split('/');
  if (!section) return null;
  return { section, year: year && /^\d{4}$/.test(year) ? Number(year) : null };
}
