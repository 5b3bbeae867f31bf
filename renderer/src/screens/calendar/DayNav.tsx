// The calendar's toolbar: which day or week is shown, moving between them, day/week, and whether
// cancelled appointments are shown.
import { Button, Group, Kbd, SegmentedControl, Switch, Text, Title } from '@mantine/core';
import { addDays, formatDay, formatShortDay } from '../../time/zone.js';

export type CalendarView = 'day' | 'week';

export interface DayNavProps {
  date: string;
  view: CalendarView;
  /** First day of the week shown (week view). */
  weekFrom: string;
  /** Narrow (the appointment panel is open): shorter title, only the essential controls. */
  compact: boolean;
  isToday: boolean;
  showCancelled: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onToday: () => void;
  onNewBooking: () => void;
  onView: (view: CalendarView) => void;
  onShowCancelled: (show: boolean) => void;
  onSearch: () => void;
  onPrint: () => void;
}

function title(props: DayNavProps): string {
  if (props.view === 'week') {
    return `${formatShortDay(props.weekFrom)} – ${formatShortDay(addDays(props.weekFrom, 6))}`;
  }
  return props.compact ? formatShortDay(props.date) : formatDay(props.date);
}

export function DayNav(props: DayNavProps) {
  const unit = props.view === 'week' ? 'week' : 'day';
  return (
    <Group justify="space-between" px="md" py="xs" wrap="nowrap" className="cal-toolbar">
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          size="xs"
          onClick={props.onPrevious}
          aria-label={`Previous ${unit}`}
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
          aria-label={`Next ${unit}`}
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
          {title(props)}
        </Title>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {!props.compact && (
          <Text size="xs" c="dimmed" visibleFrom="xl">
            <Kbd size="xs">←</Kbd> <Kbd size="xs">→</Kbd> {unit}s · <Kbd size="xs">t</Kbd> today ·{' '}
            <Kbd size="xs">n</Kbd> new · <Kbd size="xs">/</Kbd> search
          </Text>
        )}
        <SegmentedControl
          size="xs"
          value={props.view}
          onChange={(value) => props.onView(value === 'week' ? 'week' : 'day')}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
          data-testid="view-toggle"
          data-view={props.view}
          aria-label="Day or week"
        />
        {!props.compact && (
          <Switch
            size="xs"
            label="Cancelled"
            checked={props.showCancelled}
            onChange={(e) => props.onShowCancelled(e.currentTarget.checked)}
            data-testid="toggle-cancelled"
            style={{ flex: 'none' }}
          />
        )}
        {!props.compact && (
          <Button
            variant="default"
            size="xs"
            onClick={props.onSearch}
            data-testid="open-search"
            aria-keyshortcuts="/"
            style={{ flex: 'none' }}
          >
            Search
          </Button>
        )}
        {props.view === 'day' && !props.compact && (
          <Button
            variant="default"
            size="xs"
            onClick={props.onPrint}
            data-testid="print-day"
            style={{ flex: 'none' }}
          >
            Print
          </Button>
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
