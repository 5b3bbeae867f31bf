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

function tidy(text: string, read: (t: string) => string | undefined): string {
  return read(text) ?? text;
}

export function ClockInput({ value, onChange, ...rest }: EntryProps) {
  return (
    <TextInput
      placeholder="HH:MM"
      title={CLOCK_HINT}
      autoComplete="off"
      spellCheck={false}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        const tidied = tidy(value, (t) => {
          const minute = readClock(t);
          return typeof minute === 'number' ? formatClock(minute) : undefined;
        });
        if (tidied !== value) onChange(tidied);
      }}
    />
  );
}

export function DateEntryInput({ value, onChange, ...rest }: EntryProps) {
  return (
    <TextInput
      placeholder="DD/MM/YYYY"
      title={DATE_HINT}
      autoComplete="off"
      spellCheck={false}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        const tidied = tidy(value, (t) => {
          const date = readDate(t);
          return typeof date === 'string' ? formatDateEntry(date) : undefined;
        });
        if (tidied !== value) onChange(tidied);
      }}
    />
  );
}
