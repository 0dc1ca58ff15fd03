import { Dropdown, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditFilter } from '@shared/contract';
import { AUDIT_ACTIONS, auditActionLabel } from '@shared/domain/audit';
import { isIsoDate } from '@shared/dates';
import { DateInput } from '@renderer/components/DateInput';
import { useApiQuery } from '@renderer/lib/query';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  narrow: { width: '150px' },
  // Fluent's Input has a minimum width wider than these fields.
  input: { minWidth: 0, width: '100%' },
  wide: { minWidth: '200px' },
});

const ALL = '';

/** Teammedlem, Sak, Handling, Fra and Til: each narrows the log at once. */
export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const styles = useStyles();
  const members = useApiQuery('team-members:list', { includeInactive: true });
  const set = <K extends keyof AuditFilter>(key: K, value: AuditFilter[K] | undefined) => {
    const next = { ...filter };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const memberName = members.data?.find((m) => m.id === filter.actorId)?.displayName ?? 'Alle';

  return (
    <div className={styles.row} role="search" aria-label="Filtrer revisjonsloggen">
      <Field label="Teammedlem" className={styles.wide}>
        <Dropdown
          value={memberName}
          selectedOptions={[filter.actorId ? String(filter.actorId) : ALL]}
          onOptionSelect={(_e, data) => set('actorId', data.optionValue ? Number(data.optionValue) : undefined)}
        >
          <Option value={ALL}>Alle</Option>
          {(members.data ?? []).map((m) => (
            <Option key={m.id} value={String(m.id)}>
              {m.displayName}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Sak" className={styles.narrow}>
        <Input
          className={styles.input}
          value={filter.caseCode ?? ''}
          placeholder="NN/ÅÅ-XX"
          onChange={(_e, data) => set('caseCode', data.value.trim() || undefined)}
        />
      </Field>
      <Field label="Handling" className={styles.wide}>
        <Dropdown
          value={filter.action ? auditActionLabel(filter.action) : 'Alle'}
          selectedOptions={[filter.action ?? ALL]}
          onOptionSelect={(_e, data) => set('action', data.optionValue || undefined)}
        >
          <Option value={ALL}>Alle</Option>
          {AUDIT_ACTIONS.map((action) => (
            <Option key={action} value={action}>
              {auditActionLabel(action)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Fra dato" className={styles.narrow}>
        <DateInput className={styles.input} value={filter.from ?? ''} onChange={(value) => set('from', isIsoDate(value) ? value : undefined)} />
      </Field>
      <Field label="Til dato" className={styles.narrow}>
        <DateInput className={styles.input} value={filter.to ?? ''} onChange={(value) => set('to', isIsoDate(value) ? value : undefined)} />
      </Field>
    </div>
  );
}
