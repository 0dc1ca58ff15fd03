import { Button, Input, makeStyles, type InputProps } from '@fluentui/react-components';
import { CalendarRegular } from '@fluentui/react-icons';
import { useRef, useState, type Ref } from 'react';
import { isIsoDate, isoDateInOslo, parseDateInput } from '@shared/dates';
import { formatNorwegianDate } from '@shared/format';

interface DateInputProps extends Omit<InputProps, 'value' | 'onChange' | 'type'> {
  ref?: Ref<HTMLInputElement>;
  /** ISO date when the text is a real date, otherwise the text as typed (so validation can refuse it). */
  value: string;
  onChange: (value: string) => void;
}

const useStyles = makeStyles({
  // The native picker only lends its calendar popup; the field the user reads stays dd.mm.åååå.
  picker: { position: 'absolute', width: '1px', height: '1px', opacity: 0, border: 0, padding: 0, pointerEvents: 'none' },
  after: { position: 'relative', display: 'flex' },
});

/** Read on every keystroke: «i dag» must mean today even when the window has been open since yesterday. */
const parse = (text: string) => parseDateInput(text, isoDateInOslo(new Date()));

/**
 * A date typed the Norwegian way (dd.mm.åååå, also 3.2.20 or ISO) or the Excel way («3.12», «031224»,
 * «i dag», «i går»), with a calendar button beside it. The text field stays: a native date input would
 * show the computer's locale format, which on an English Windows is mm/dd/yyyy.
 */
export function DateInput({ value, onChange, onBlur, ...rest }: DateInputProps) {
  const styles = useStyles();
  const pickerRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => formatNorwegianDate(value));
  // Follow a value set from outside (a form reset, a default date), without fighting the typing.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parse(text) !== value) setText(formatNorwegianDate(value));
  }
  const choose = (iso: string) => {
    setText(formatNorwegianDate(iso));
    setSeen(iso);
    onChange(iso);
  };

  return (
    <Input
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd.mm.åååå"
      value={text}
      onChange={(_event, data) => {
        setText(data.value);
        const next = parse(data.value) ?? data.value.trim();
        setSeen(next);
        onChange(next);
      }}
      onKeyDown={(event) => {
        if (event.altKey && event.key === 'ArrowDown') pickerRef.current?.showPicker();
        rest.onKeyDown?.(event);
      }}
      onBlur={(event) => {
        const iso = parse(text);
        if (iso) setText(formatNorwegianDate(iso));
        onBlur?.(event);
      }}
      contentAfter={
        <span className={styles.after}>
          <input
            ref={pickerRef}
            type="date"
            className={styles.picker}
            tabIndex={-1}
            aria-hidden="true"
            value={isIsoDate(value) ? value : ''}
            onChange={(event) => {
              if (isIsoDate(event.target.value)) choose(event.target.value);
            }}
          />
          <Button
            appearance="transparent"
            size="small"
            icon={<CalendarRegular />}
            aria-label="Velg dato i kalenderen"
            title="Velg dato i kalenderen (Alt+Pil ned)"
            // Out of the Tab order, so Tab goes from the date to the next field as in the sheet; Alt+Down opens it from the field.
            tabIndex={-1}
            onClick={() => pickerRef.current?.showPicker()}
          />
        </span>
      }
    />
  );
}
