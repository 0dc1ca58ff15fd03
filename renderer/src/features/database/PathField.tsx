import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormField } from '@renderer/components/FormField';
import { call, errorMessage } from '@renderer/lib/api';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  field: { flex: 1, minWidth: '320px' },
  // Level with the input, below the field's label.
  besideField: { marginTop: tokens.spacingVerticalXXL },
});

/**
 * A path typed in or picked with the system's own dialog (opened by the main process, which answers
 * with the chosen path or null when the user cancelled). Typing stays possible: a UNC path is often
 * quicker to paste than to browse to.
 */
export function PathField({
  label,
  hint,
  value,
  onChange,
  pick,
  disabled,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  pick: 'folder' | 'file';
  disabled?: boolean;
}) {
  const styles = useStyles();
  const [failure, setFailure] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const choose = async () => {
    setFailure(null);
    setPicking(true);
    try {
      const chosen = await call(pick === 'folder' ? 'database:choose-folder' : 'database:choose-file', {});
      if (chosen.path) onChange(chosen.path);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPicking(false);
    }
  };
  return (
    <div className={styles.row}>
      <FormField label={label} hint={hint} className={styles.field} {...(failure ? { validationMessage: failure } : {})}>
        <Input value={value} onChange={(_event, data) => onChange(data.value)} maxLength={1000} disabled={disabled} />
      </FormField>
      <Button className={styles.besideField} onClick={choose} disabled={disabled || picking}>
        {pick === 'folder' ? 'Velg mappe…' : 'Velg fil…'}
      </Button>
    </div>
  );
}
