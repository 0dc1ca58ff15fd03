import type { TimeEntryDto } from '@shared/contract';
import { call } from '@renderer/lib/api';

/**
 * «Kopier linjen over» (Ctrl+D): the member's most recently saved entry — the line above in the old
 * sheet — and, when it is on a case, that case's own municipality, so the form knows whether the copied
 * municipality needs its reason again. Null when the member has no entries yet.
 */
export async function lastEntryOf(memberId: number): Promise<{ entry: TimeEntryDto; caseMunicipalityId: number | null } | null> {
  const page = await call('time-entries:list', {
    page: 0,
    pageSize: 1,
    sort: { field: 'createdAt', direction: 'desc' },
    filter: { teamMemberId: memberId },
  });
  const entry = page.rows[0];
  if (!entry) return null;
  if (!entry.caseCode) return { entry, caseMunicipalityId: null };
  const cases = await call('time-entries:case-suggestions', { search: entry.caseCode });
  return { entry, caseMunicipalityId: cases.find((c) => c.code === entry.caseCode)?.municipalityId ?? null };
}
