// The calendar's toolbar: which day is shown, and moving between days.
import { Button, Group, Kbd, Text, Title } from '@mantine/core';
import { formatDay, formatShortDay } from '../../time/zone.js';

export interface DayNavProps {
  date: string;
  /** Narrow (the appointment panel is open): shorter title, no keyboard hint. */
  compact: boolean;
  isToday: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onToday: () => void;
  onNewBooking: () => void;
}

export function DayNav(props: DayNavProps) {
  return (
    <Group justify="space-between" px="md" py="xs" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          size="xs"
          onClick={props.onPrevious}
          aria-label="Previous day"
          data-testid="day-prev"
        >
          ←
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={props.onToday}
          disabled={props.isToday}
          data-testid="day-today"
          style={{ flex: 'none' }}
        >
          Today
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={props.onNext}
          aria-label="Next day"
          data-testid="day-next"
        >
          →
        </Button>
        <Title
          order={2}
          size="h4"
          ml="sm"
          data-testid="day-title"
          data-date={props.date}
          style={{ whiteSpace: 'nowrap' }}
        >
          {props.compact ? formatShortDay(props.date) : formatDay(props.date)}
        </Title>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {!props.compact && (
          <Text size="xs" c="dimmed" visibleFrom="md">
            <Kbd size="xs">←</Kbd> <Kbd size="xs">→</Kbd> days · <Kbd size="xs">t</Kbd> today ·{' '}
            <Kbd size="xs">n</Kbd> new booking
          </Text>
        )}
        <Button
          size="xs"
          onClick={props.onNewBooking}
          data-testid="new-booking"
          style={{ flex: 'none' }}
        >
          New booking
        </Button>
      </Group>
    </Group>
  );
}
