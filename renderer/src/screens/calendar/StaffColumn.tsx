// One staff member's day: working hours light on a shaded day, time off hatched, bookable
// slots as buttons (day view) or the column itself (week view), appointments on top. The column
// names its staff member and date so a dragged appointment knows where it is dropped.
import type { ListedAppointment, StaffMember } from '../../../../preload/contract/index.js';
import { formatDay, formatMinute, wallClock, zonedToUtc } from '../../time/zone.js';
import { AppointmentBlock } from './AppointmentBlock.js';
import { columnKey, type ColumnIndex } from './columnIndex.js';
import type { Placement } from './drag.js';
import type { AppointmentDrag } from './useAppointmentDrag.js';
import type { DayData, WorkingInterval } from './useDayData.js';
import {
  DAY_START_MINUTE,
  PX_PER_MINUTE,
  assignLanes,
  minuteToY,
  placeSpan,
  type SlotStart,
} from './layout.js';

export interface StaffColumnProps {
  member: StaffMember;
  date: string;
  weekday: number;
  zone: string;
  stepMinutes: number;
  now: number;
  day: DayData;
  hours: WorkingInterval[];
  selectedId: string | null;
  /** Slot starts of this date; the week view passes none and books from a click on the column. */
  slotStarts: SlotStart[] | null;
  compact: boolean;
  showCancelled: boolean;
  drag: AppointmentDrag;
  /** What each column shows, worked out once for all of them. */
  index: ColumnIndex;
  /** Staff in column order, for moving an appointment to the next column by keyboard. */
  staffIds: string[];
  onSlot: (staffId: string, start: number) => void;
  onOpen: (appointmentId: string) => void;
}

interface Shown {
  appointment: ListedAppointment;
  origin: Placement;
  startMinute: number;
  endMinute: number;
  dragged: boolean;
}

export function StaffColumn(props: StaffColumnProps) {
  const { member, date, zone, day, drag } = props;
  const preview = drag.preview;
  const key = columnKey(member.id, date);
  const working = props.hours.filter((h) => h.weekday === props.weekday);
  const timeOff = props.index.timeOff.get(key) ?? [];

  const shown: Shown[] = [];
  for (const item of props.index.appointments.get(key) ?? []) {
    // The dragged one is drawn where it would land, in whichever column that is.
    if (item.appointment.id === preview?.id) continue;
    const origin = { staffId: member.id, date, ...item };
    shown.push({ ...item, origin, dragged: false });
  }
  const dragged = preview && props.index.byId.get(preview.id);
  const draggedFrom = preview && props.index.origins.get(preview.id);
  if (dragged && draggedFrom && preview.staffId === member.id && preview.date === date) {
    shown.push({
      appointment: dragged,
      origin: draggedFrom,
      startMinute: preview.startMinute,
      endMinute: preview.endMinute,
      dragged: true,
    });
  }
  const laned = assignLanes(shown);
  const isWorking = (minute: number) =>
    working.some((h) => minute >= h.startMinute && minute < h.endMinute);

  const bookAtPointer = (event: React.MouseEvent<HTMLDivElement>) => {
    // Appointments stop their own clicks; anything else in the column (working hours, lines)
    // is free time to book.
    if (props.slotStarts !== null) return;
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const minute =
      Math.floor((DAY_START_MINUTE + y / PX_PER_MINUTE) / props.stepMinutes) * props.stepMinutes;
    const start = zonedToUtc(date, minute, zone);
    const exists = wallClock(start, zone).minute === minute;
    const off = timeOff.some((t) => start >= t.startAt && start < t.endAt);
    if (exists && !off && start > props.now) props.onSlot(member.id, start);
  };

  return (
    <div
      className="cal-column"
      role="group"
      aria-label={`${member.name}, ${formatDay(date)}`}
      data-testid="staff-column"
      data-staff-id={member.id}
      data-date={date}
      data-drop-staff-id={member.id}
      data-drop-date={date}
      data-compact={props.compact}
      onClick={bookAtPointer}
    >
      {working.map((h) => {
        const place = placeSpan({ startMinute: h.startMinute, endMinute: h.endMinute });
        return (
          place && (
            <div
              key={h.startMinute}
              className="cal-working"
              data-testid="working-hours"
              style={{ top: place.top, height: place.height }}
            />
          )
        );
      })}
      <div className="cal-lines" aria-hidden />
      {props.slotStarts
        ?.filter(
          (s) =>
            s.start > props.now && !timeOff.some((t) => s.start >= t.startAt && s.start < t.endAt),
        )
        .map((s) => (
          <button
            key={s.minute}
            type="button"
            className="cal-slot"
            data-testid="slot"
            data-staff-id={member.id}
            data-start={s.start}
            data-time={formatMinute(s.minute)}
            data-working={isWorking(s.minute)}
            aria-label={`Book ${member.name} at ${formatMinute(s.minute)}`}
            style={{ top: minuteToY(s.minute), height: props.stepMinutes * PX_PER_MINUTE }}
            onClick={() => props.onSlot(member.id, s.start)}
          >
            {formatMinute(s.minute)}
          </button>
        ))}
      {timeOff.map((t) => {
        const place = placeSpan(t);
        return (
          place && (
            <div
              key={t.id}
              className="cal-time-off"
              data-testid="time-off"
              style={{ top: place.top, height: place.height, zIndex: 1 }}
            >
              {props.compact ? 'Off' : `Time off${t.reason ? `: ${t.reason}` : ''}`}
            </div>
          )
        );
      })}
      {laned.map(({ item, lane, lanes }) => {
        const place = placeSpan(item);
        if (!place) return null;
        const a = item.appointment;
        return (
          <AppointmentBlock
            key={a.id}
            appointment={a}
            customerName={day.customers.get(a.customerId)?.name ?? '…'}
            serviceName={day.services.get(a.serviceId)?.name ?? '…'}
            zone={zone}
            top={place.top}
            height={place.height}
            lane={lane}
            lanes={lanes}
            compact={props.compact}
            selected={props.selectedId === a.id}
            dragging={item.dragged}
            pending={item.dragged && preview?.pending === true}
            onOpen={props.onOpen}
            onPointerDown={(event, mode) => drag.begin(event, a, item.origin, mode)}
            onNudge={(key) => drag.nudge(a, item.origin, key, props.staffIds)}
          />
        );
      })}
    </div>
  );
}
