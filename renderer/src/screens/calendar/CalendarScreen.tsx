// The receptionist's day: staff columns for one date, booking from an empty slot, and the
// panel of the appointment in hand.
import './calendar.css';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../../../preload/contract.js';
import { useChannel } from '../../client/queries.js';
import { addDays, wallClock, zonedToUtc } from '../../time/zone.js';
import { AppointmentPanel } from './AppointmentPanel.js';
import { BookingDialog, type BookingDraft } from './BookingDialog.js';
import { DayGrid } from './DayGrid.js';
import { DayNav } from './DayNav.js';
import { useCalendarKeys } from './useCalendarKeys.js';
import { useDayData } from './useDayData.js';

/** The "now" line and which slots are past move with the clock; a minute is fine enough. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 60_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  return now;
}

function CalendarDay({ settings }: { settings: Settings }) {
  const zone = settings.timeZone;
  const now = useNow();
  const today = wallClock(now, zone).date;
  const [date, setDate] = useState(today);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const day = useDayData(date, settings);

  const keys = useMemo(
    () => ({
      previous: () => setDate((d) => addDays(d, -1)),
      next: () => setDate((d) => addDays(d, 1)),
      today: () => setDate(today),
      newBooking: () => {
        const first = day.staff[0];
        if (!first) return;
        // The next step on the clock today, or the morning of a later day.
        const step = settings.slotStepMinutes;
        const base = date === today ? wallClock(now, zone).minute : 9 * 60 - step;
        const minute = Math.ceil((base + 1) / step) * step;
        setDraft({ staffId: first.id, start: zonedToUtc(date, minute, zone) });
      },
    }),
    [today, day.staff, date, now, zone, settings.slotStepMinutes],
  );
  useCalendarKeys(keys, draft === null);

  return (
    <Stack gap={0} h="100%" style={{ flexDirection: 'row', display: 'flex' }}>
      <Stack
        gap={0}
        style={{ flex: 1, minWidth: 0 }}
        h="100%"
        data-testid="calendar"
        data-date={date}
        data-loading={day.loading}
      >
        <DayNav
          date={date}
          compact={selectedId !== null}
          isToday={date === today}
          onPrevious={keys.previous}
          onNext={keys.next}
          onToday={keys.today}
          onNewBooking={keys.newBooking}
        />
        {day.staff.length === 0 && !day.loading ? (
          <Center style={{ flex: 1 }}>
            <Text c="dimmed">
              No active staff yet: add staff and their hours in Services to start booking.
            </Text>
          </Center>
        ) : (
          <DayGrid
            date={date}
            zone={zone}
            stepMinutes={settings.slotStepMinutes}
            now={now}
            day={day}
            selectedId={selectedId}
            onSlot={(staffId, start) => setDraft({ staffId, start })}
            onOpen={setSelectedId}
          />
        )}
      </Stack>
      {selectedId && (
        <AppointmentPanel
          key={selectedId}
          id={selectedId}
          zone={zone}
          now={now}
          staff={day.staff}
          services={day.services}
          onClose={() => setSelectedId(null)}
        />
      )}
      {draft && (
        <BookingDialog
          draft={draft}
          zone={zone}
          staff={day.staff}
          services={[...day.services.values()]}
          onClose={() => setDraft(null)}
          onBooked={(booked) => {
            setDraft(null);
            setSelectedId(booked.id);
          }}
        />
      )}
    </Stack>
  );
}

export function CalendarScreen() {
  const settings = useChannel('settings.get', {});
  if (!settings.data) {
    return (
      <Center h="100%">
        <Loader size="sm" aria-label="Loading the calendar" />
      </Center>
    );
  }
  return <CalendarDay settings={settings.data} />;
}
