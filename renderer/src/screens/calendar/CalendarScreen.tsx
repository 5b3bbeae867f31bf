// The receptionist's day or week: staff columns per date, booking from an empty slot, dragging
// to move, search, the printable day sheet, and the panel of the appointment in hand.
import './calendar.css';
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../../../preload/contract/index.js';
import { useChannel } from '../../client/queries.js';
import { useDeskNavigation } from '../../shell/navigation.js';
import { addDays, wallClock, zonedToUtc } from '../../time/zone.js';
import { AppointmentPanel } from './AppointmentPanel.js';
import { BookingDialog, type BookingDraft } from './BookingDialog.js';
import { CalendarSearch } from './CalendarSearch.js';
import { DayGrid } from './DayGrid.js';
import { DayNav, type CalendarView } from './DayNav.js';
import { DaySheet } from './DaySheet.js';
import { weekStart } from './layout.js';
import { useAppointmentDrag } from './useAppointmentDrag.js';
import { useCalendarKeys } from './useCalendarKeys.js';
import { useDayData } from './useDayData.js';
import { WeekGrid } from './WeekGrid.js';

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

function StatusLegend() {
  const statuses = [
    ['pending_payment', 'false', 'Pending payment'],
    ['confirmed', 'false', 'Confirmed'],
    ['confirmed', 'true', 'Confirmed by customer'],
    ['completed', 'false', 'Completed'],
    ['no_show', 'false', 'No-show'],
    ['cancelled', 'false', 'Cancelled'],
  ] as const;
  return (
    <div className="cal-legend" aria-label="Status colours" data-testid="status-legend">
      {statuses.map(([status, byCustomer, label]) => (
        <span key={label} className="cal-legend-item">
          <span
            className="cal-legend-swatch"
            data-status={status}
            data-customer-confirmed={byCustomer}
            aria-hidden
          />
          {label}
        </span>
      ))}
    </div>
  );
}

function CalendarDay({ settings }: { settings: Settings }) {
  const zone = settings.timeZone;
  const now = useNow();
  const today = wallClock(now, zone).date;
  const [date, setDate] = useState(today);
  const [view, setView] = useState<CalendarView>('day');
  const [showCancelled, setShowCancelled] = useState(false);
  const [searching, setSearching] = useState(false);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const navigation = useDeskNavigation();
  const intent = navigation.pending;
  useEffect(() => {
    if (intent === null || intent.kind === 'customer') return;
    setView('day');
    setDate(wallClock(intent.start, zone).date);
    if (intent.kind === 'appointment') setSelectedId(intent.appointmentId);
    else {
      setSelectedId(null);
      setDraft({
        staffId: intent.staffId,
        start: intent.start,
        serviceId: intent.serviceId,
        customer: intent.customer,
      });
    }
    navigation.done();
  }, [intent, navigation, zone]);
  const from = view === 'week' ? weekStart(date) : date;
  const day = useDayData(from, settings, view === 'week' ? 7 : 1);
  const drag = useAppointmentDrag(zone, settings.slotStepMinutes);

  const keys = useMemo(
    () => ({
      previous: () => setDate((d) => addDays(d, view === 'week' ? -7 : -1)),
      next: () => setDate((d) => addDays(d, view === 'week' ? 7 : 1)),
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
      search: () => setSearching(true),
    }),
    [today, day.staff, date, now, zone, settings.slotStepMinutes, view],
  );
  useCalendarKeys(keys, draft === null && !searching);

  const gridProps = {
    date,
    zone,
    stepMinutes: settings.slotStepMinutes,
    now,
    day,
    selectedId,
    showCancelled,
    drag,
    onSlot: (staffId: string, start: number) => setDraft({ staffId, start }),
    onOpen: setSelectedId,
  };
  const shownToday = view === 'week' ? from === weekStart(today) : date === today;

  return (
    <Stack gap={0} h="100%" style={{ flexDirection: 'row', display: 'flex' }}>
      <Stack
        gap={0}
        style={{ flex: 1, minWidth: 0 }}
        h="100%"
        data-testid="calendar"
        data-date={date}
        data-view={view}
        data-from={from}
        data-loading={day.loading}
        data-show-cancelled={showCancelled}
        pos="relative"
      >
        <DayNav
          date={date}
          view={view}
          weekFrom={weekStart(date)}
          compact={selectedId !== null}
          isToday={shownToday}
          showCancelled={showCancelled}
          onPrevious={keys.previous}
          onNext={keys.next}
          onToday={keys.today}
          onNewBooking={keys.newBooking}
          onView={setView}
          onShowCancelled={setShowCancelled}
          onSearch={keys.search}
          onPrint={() => window.print()}
        />
        <StatusLegend />
        {drag.refusal && (
          <Alert
            color="red"
            py={6}
            className="cal-refusal"
            withCloseButton
            onClose={drag.dismissRefusal}
            role="alert"
            title="Not moved"
            data-testid="drop-refusal"
            data-code={drag.refusal.code}
            data-appointment-id={drag.refusal.appointmentId}
          >
            {drag.refusal.message}
          </Alert>
        )}
        {day.staff.length === 0 && !day.loading ? (
          <Center style={{ flex: 1 }}>
            <Text c="dimmed">
              No active staff yet: add staff and their hours in Services to start booking.
            </Text>
          </Center>
        ) : view === 'week' ? (
          <WeekGrid
            {...gridProps}
            onOpenDay={(d) => {
              setDate(d);
              setView('day');
            }}
          />
        ) : (
          <DayGrid {...gridProps} />
        )}
        {view === 'day' && <DaySheet date={date} zone={zone} day={day} />}
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
      {searching && (
        <CalendarSearch
          zone={zone}
          now={now}
          services={day.services}
          onClose={() => setSearching(false)}
          onPick={(appointment) => {
            setSearching(false);
            setView('day');
            setDate(wallClock(appointment.start, zone).date);
            setSelectedId(appointment.id);
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
