import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import type { CaseSuggestionDto } from '@shared/contract';
import { FormField } from '@renderer/components/FormField';
import { useApiQuery } from '@renderer/lib/query';
import { CaseCombobox } from './CaseCombobox';
import { choiceHint, ChoiceInput } from './ChoiceInput';
import { choiceLabel, resolveChoice } from './resolveChoice';
import type { NewWeekRow } from './weekRows';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 160px) minmax(140px, 200px) minmax(170px, 240px) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  control: { minWidth: 0, width: '100%' },
  submit: { marginTop: '26px', justifySelf: 'start' },
});

interface Problems {
  caseCode?: string;
  municipality?: string;
  category?: string;
}

/**
 * «Legg til linje»: a case (or none) and a category, typed the way the entry row takes them. A case fills
 * in its municipality; a line on another municipality than its case's needs a reason, which the entry
 * form asks for, so it is refused here.
 */
export function AddWeekRow({ memberId, onAdd }: { memberId: number; onAdd: (row: NewWeekRow) => void }) {
  const styles = useStyles();
  const municipalities = useApiQuery('municipalities:list', {}, { staleTime: Infinity }).data ?? [];
  const categories = (useApiQuery('categories:list', {}, { staleTime: Infinity }).data ?? []).filter((c) => !c.retired);
  const [caseCode, setCaseCode] = useState('');
  const [matched, setMatched] = useState<CaseSuggestionDto | undefined>();
  const [municipalityText, setMunicipalityText] = useState('');
  const [categoryText, setCategoryText] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const caseRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const municipality = resolveChoice(municipalityText, municipalities);
    const category = resolveChoice(categoryText, categories);
    const found: Problems = {};
    if (caseCode.trim() && !matched) found.caseCode = 'Velg en sak fra lista, eller la feltet stå tomt';
    if (!municipality) found.municipality = municipalityText.trim() ? 'Ukjent kommune: skriv navnet' : 'Kommune mangler';
    else if (matched && municipality.id !== matched.municipalityId) {
      found.municipality = `Saken hører til ${matched.municipalityName}: før timer på en annen kommune i skjemaet over, med begrunnelse`;
    }
    if (!category) found.category = categoryText.trim() ? 'Ukjent hendelse: skriv 1–10 eller navnet' : 'Hendelse mangler';
    setProblems(found);
    if (Object.keys(found).length > 0 || !municipality || !category) return;
    onAdd({
      caseCode: matched?.code ?? null,
      caseLabel: matched?.code ?? municipality.name,
      municipalityId: municipality.id,
      categoryId: category.id,
      categoryLabel: choiceLabel(category),
      categoryNumber: category.number,
      // Two go to every case, as in the entry form: the member and the case's co-worker(s).
      participantIds: [memberId, ...(matched?.staffIds ?? []).filter((id) => id !== memberId)],
    });
    setCaseCode('');
    setMatched(undefined);
    setMunicipalityText('');
    setCategoryText('');
  };

  return (
    <form ref={formRef} className={styles.row} aria-label="Ny linje i uka" noValidate onSubmit={submit}>
      <FormField label="Sak på ny linje" validationMessage={problems.caseCode}>
        <CaseCombobox
          ref={caseRef}
          className={styles.control}
          value={caseCode}
          onSubmitKey={() => formRef.current?.requestSubmit()}
          onChange={(code, match) => {
            setCaseCode(code);
            setMatched(match);
            const place = match ? municipalities.find((m) => m.id === match.municipalityId) : undefined;
            if (place) setMunicipalityText(choiceLabel(place));
          }}
        />
      </FormField>
      <FormField
        label="Kommune på ny linje"
        validationMessage={problems.municipality}
        hint={problems.municipality ? undefined : choiceHint(municipalityText, municipalities, 'Fylles fra saken')}
      >
        <ChoiceInput className={styles.control} choices={municipalities} value={municipalityText} onChange={setMunicipalityText} />
      </FormField>
      <FormField
        label="Hendelse på ny linje"
        validationMessage={problems.category}
        hint={problems.category ? undefined : choiceHint(categoryText, categories, '1–10 eller navnet')}
      >
        <ChoiceInput className={styles.control} placeholder="1–10 eller navn" choices={categories} value={categoryText} onChange={setCategoryText} />
      </FormField>
      <Button type="submit" icon={<AddRegular />} className={styles.submit}>
        Legg til linje
      </Button>
    </form>
  );
}
