// Text inputs for a time of day and a date that show them as the rest of the desk does (24-hour,
// day first: time/entry.ts), instead of the browser's native pickers, which follow the
// computer's locale. What was typed is kept while typing and tidied once the field is left, so a
// half-typed "9" is never rewritten under the receptionist's fingers; unreadable text stays as
// typed for the form's check to name.
import { TextInput, type TextInputProps } from '@mantine/core';
import {
  CLOCK_HINT,
  DATE_HINT,
  formatClock,
  formatDateEntry,
  readClock,
  readDate,
} from '../time/entry.js';

type EntryProps = Omit<TextInputProps, 'value' | 'onChange' | 'onBlur' | 'type'> & {
  value: string;
  onChange: (text: string) => void;
  'data-testid'?: string;
};

/** A text field that rewrites what was typed in its tidy form once the field is left. */
function TidiedEntry({
  value,
  onChange,
  tidy,
  ...rest
}: EntryProps & { tidy: (text: string) => string | undefined }) {
  return (
    <TextInput
      autoComplete="off"
      spellCheck={false}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        const tidied = tidy(value) ?? value;
        if (tidied !== value) onChange(tidied);
      }}
    />
  );
}

export function ClockInput(props: EntryProps) {
  return (
    <TidiedEntry
      placeholder="HH:MM"
      title={CLOCK_HINT}
      {...props}
      tidy={(text) => {
        const minute = readClock(text);
        return typeof minute === 'number' ? formatClock(minute) : undefined;
      }}
    />
  );
}

export function DateEntryInput(props: EntryProps) {
  return (
    <TidiedEntry
      placeholder="DD/MM/YYYY"
      title={DATE_HINT}
      {...props}
      tidy={(text) => {
        const date = readDate(text);
        return typeof date === 'string' ? formatDateEntry(date) : undefined;
      }}
    />
  );
}
