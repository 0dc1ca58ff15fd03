import { Button, Tooltip } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { TimeEntryDto } from '@shared/contract';
import { formatHoursWithUnit, formatNorwegianDate } from '@shared/format';
import { useApiMutation } from '@renderer/lib/query';
import type { EntryTableMeta } from './entryTableMeta';

/** Names the entry, so each button is told apart from the others (and from the form's labels). */
export function describeEntry(entry: TimeEntryDto): string {
  return [formatNorwegianDate(entry.date), entry.caseCode, entry.categoryName, formatHoursWithUnit(entry.minutes)].filter(Boolean).join(', ');
}

/** Edit in the row; delete at once — the list offers «Angre» right after, so no question first. */
export function EntryActions({ entry, meta }: { entry: TimeEntryDto; meta: EntryTableMeta }) {
  const remove = useApiMutation('time-entries:delete');
  const name = describeEntry(entry);
  return (
    <>
      <Tooltip content="Endre" relationship="description" withArrow>
        <Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={`Endre registreringen ${name}`} onClick={() => meta.onEdit(entry)} />
      </Tooltip>
      <Tooltip content="Slett" relationship="description" withArrow>
        <Button
          appearance="subtle"
          size="small"
          icon={<DeleteRegular />}
          aria-label={`Slett registreringen ${name}`}
          disabled={remove.isPending}
          // mutateAsync, not mutate's onSuccess: the row is gone (unmounted) by the time the list refreshes.
          onClick={() =>
            void remove.mutateAsync({ id: entry.id, version: entry.version }).then(
              () => meta.onDeleted(entry),
              () => undefined,
            )
          }
        />
      </Tooltip>
    </>
  );
}
