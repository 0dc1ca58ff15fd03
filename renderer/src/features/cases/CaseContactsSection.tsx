import { Button, Caption1, Dropdown, Option, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CaseContactDto, CaseDetailDto } from '@shared/contract';
import { CASE_CONTACT_ROLES, CASE_CONTACT_ROLE_LABEL, CONTACT_KIND_LABEL, type CaseContactRole } from '@shared/domain/caseLife';
import { ChoiceDropdown } from '@renderer/components/ChoiceDropdown';
import { FormErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { LISTBOX_SLOT } from '@renderer/components/listbox';
import { SectionCard } from '@renderer/components/SectionCard';
import { SimpleTable } from '@renderer/components/SimpleTable';
import { useApiQuery } from '@renderer/lib/query';
import { useSubmit } from '@renderer/lib/useSubmit';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  partner: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Partners linked to the case: who commissioned and referred it, who works with it, who takes over. */
export function CaseContactsSection({ detail }: { detail: CaseDetailDto }) {
  const styles = useStyles();
  const contacts = useApiQuery('contacts:list', {});
  const link = useSubmit('cases:link-contact', ['contactId', 'role']);
  const unlink = useSubmit('cases:unlink-contact');
  const [contactId, setContactId] = useState<number | undefined>();
  const [role, setRole] = useState<CaseContactRole | undefined>();
  const chosen = contacts.data?.find((c) => c.id === contactId);
  return (
    <SectionCard title="Samarbeidspartnere i saken">
      <SimpleTable<CaseContactDto>
        ariaLabel="Samarbeidspartnere i saken"
        columns={[
          { header: 'Rolle', width: '30%', cell: (c) => CASE_CONTACT_ROLE_LABEL[c.role] },
          // The type goes under the name: as its own column it squeezed the name and ran under the delete button.
          {
            header: 'Samarbeidspartner',
            cell: (c) => (
              <div className={styles.partner}>
                <span>{`${c.contactName}${c.personName ? ` (${c.personName})` : ''}${c.archived ? ' – arkivert' : ''}`}</span>
                <Caption1 className={styles.muted}>{CONTACT_KIND_LABEL[c.contactKind]}</Caption1>
              </div>
            ),
          },
          {
            header: 'Fjern',
            width: '64px',
            cell: (c) => (
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Fjern ${c.contactName} fra saken`}
                onClick={() => void unlink.submit({ id: c.id })}
              />
            ),
          },
        ]}
        rows={detail.contacts}
        rowKey={(c) => c.id}
        emptyText="Ingen samarbeidspartnere knyttet til saken."
      />
      <form
        className={styles.row}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (await link.submit({ caseId: detail.id, contactId: contactId ?? 0, role: role as CaseContactRole })) setContactId(undefined);
        }}
      >
        <FormField label="Samarbeidspartner" validationMessage={link.errorAt('contactId', contactId ?? null)}>
          <Dropdown
            listbox={LISTBOX_SLOT}
            placeholder="Velg samarbeidspartner"
            value={chosen?.name ?? ''}
            selectedOptions={contactId ? [String(contactId)] : []}
            onOptionSelect={(_e, d) => setContactId(d.optionValue ? Number(d.optionValue) : undefined)}
          >
            {(contacts.data ?? []).map((c) => (
              <Option key={c.id} value={String(c.id)}>
                {c.name}
              </Option>
            ))}
          </Dropdown>
        </FormField>
        <FormField label="Rolle" validationMessage={link.errorAt('role', role ?? null)}>
          <ChoiceDropdown value={role} options={CASE_CONTACT_ROLES} labels={CASE_CONTACT_ROLE_LABEL} onChange={setRole} placeholder="Velg rolle" />
        </FormField>
        <Button type="submit" disabled={link.pending}>
          Knytt til saken
        </Button>
      </form>
      <FormErrorMessage message={link.message ?? unlink.message} />
    </SectionCard>
  );
}
