import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CaseDetailDto, CaseGoalDto } from '@shared/contract';
import { FREE_TEXT_MAX, GOAL_STATUSES, GOAL_STATUS_LABEL, NO_HEALTH_DETAILS } from '@shared/domain/caseLife';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { SectionCard } from '@renderer/components/SectionCard';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { useSubmit } from '@renderer/lib/useSubmit';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
  status: { minWidth: '150px' },
});

/** Goals from the start conversation, in the user's own words, each with its status. */
export function GoalsSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const add = useSubmit('cases:add-goal', ['text']);
  const update = useSubmit('cases:update-goal');
  const remove = useSubmit('cases:delete-goal');
  const [text, setText] = useState('');
  return (
    <SectionCard title="Mål" description="Brukerens egne mål fra startsamtalen, med brukerens ord. Korte og uten kliniske detaljer.">
      <SimpleTable<CaseGoalDto>
        ariaLabel="Mål"
        columns={[
          { header: 'Mål', cell: (g) => g.text },
          {
            header: 'Status',
            width: '190px',
            cell: (g) => (
              <ChoiceDropdown
                className={styles.status}
                aria-label={`Status for målet «${g.text}»`}
                value={g.status}
                options={GOAL_STATUSES}
                labels={GOAL_STATUS_LABEL}
                onChange={(status) => status && void update.submit({ id: g.id, version: g.version, status })}
              />
            ),
          },
          {
            header: 'Slett',
            width: '70px',
            cell: (g) => (
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Slett målet «${g.text}»`}
                onClick={() => void remove.submit({ id: g.id, version: g.version })}
              />
            ),
          },
        ]}
        rows={detail.goals}
        rowKey={(g) => g.id}
        emptyText="Ingen mål registrert ennå."
      />
      <form
        className={styles.row}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add.submit({ caseId: detail.id, text })) setText('');
        }}
      >
        <FormField className={styles.grow} label="Nytt mål" hint={NO_HEALTH_DETAILS} validationMessage={add.errorAt('text', text)}>
          <Input value={text} maxLength={FREE_TEXT_MAX} onChange={(_e, d) => setText(d.value)} placeholder="For eksempel «Få egen leilighet»" />
        </FormField>
        <Button type="submit" disabled={add.pending}>
          Legg til mål
        </Button>
      </form>
      <FormErrorMessage message={add.message ?? update.message ?? remove.message} stale={update.stale || remove.stale} />
    </SectionCard>
  );
}
