import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { LifeDomainDto } from '@shared/contract';
import { RATING_LEVELS, RATING_LEVEL_EXPLANATION, RATING_LEVEL_LABEL } from '@shared/domain/caseLife';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  scale: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The life domains every case is rated on. Retiring one keeps the ratings already given. */
export function LifeDomainsSection({ canEdit }: { canEdit: boolean }) {
  const styles = useStyles();
  const domains = useApiQuery('life-domains:list', { includeRetired: true });
  const create = useSubmit('life-domains:create', ['name']);
  const update = useSubmit('life-domains:update');
  const [name, setName] = useState('');
  return (
    <SettingsSection title="Livsområder" description="Områdene som vurderes ved start, avslutning og etter tre måneder, på en skala med tre nivåer.">
      <ul className={styles.scale} aria-label="Skalaen">
        {RATING_LEVELS.map((l) => (
          <li key={l}>
            {l} {RATING_LEVEL_LABEL[l]}: {RATING_LEVEL_EXPLANATION[l]}
          </li>
        ))}
      </ul>
      <SimpleTable<LifeDomainDto>
        ariaLabel="Livsområder"
        rows={domains.data ?? []}
        rowKey={(d) => d.id}
        emptyText="Henter …"
        columns={[
          { header: 'Livsområde', cell: (d) => d.name },
          { header: 'Status', cell: (d) => (d.retired ? 'Ikke i bruk' : 'I bruk') },
          {
            header: 'Endre',
            cell: (d) => (
              <Button
                appearance="subtle"
                disabled={!canEdit}
                aria-label={`${d.retired ? 'Ta i bruk' : 'Ta ut av bruk'}: ${d.name}`}
                onClick={() => void update.submit({ id: d.id, version: d.version, retired: !d.retired })}
              >
                {d.retired ? 'Ta i bruk' : 'Ta ut av bruk'}
              </Button>
            ),
          },
        ]}
      />
      {canEdit ? (
        <form
          className={styles.row}
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (await create.submit({ name })) setName('');
          }}
        >
          <FormField label="Nytt livsområde" validationMessage={create.errorAt('name', name)}>
            <Input value={name} maxLength={60} onChange={(_e, d) => setName(d.value)} />
          </FormField>
          <Button type="submit" disabled={create.pending}>
            Legg til
          </Button>
        </form>
      ) : null}
      <FormErrorMessage message={create.message ?? update.message} stale={update.stale} />
    </SettingsSection>
  );
}
