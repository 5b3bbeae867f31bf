// One staff member's day: working hours light on a shaded day, time off hatched, bookable
// slots as buttons, appointments on top.
import type { Appointment, StaffMember } from '../../../../preload/contract.js';
import { formatMinute, wallClock } from '../../time/zone.js';
import { AppointmentBlock } from './AppointmentBlock.js';
import type { DayData, WorkingInterval } from './useDayData.js';
import {
  DAY_END_MINUTE,
  DAY_START_MINUTE,
  assignLanes,
  isShownOnCalendar,
  minuteToY,
  placeSpan,
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
  /** Slot start instants for each wall-clock minute of this day (null where the clock skips). */
  slotStarts: { minute: number; start: number }[];
  onSlot: (staffId: string, start: number) => void;
  onOpen: (appointmentId: string) => void;
}

/** Minutes of the day an instant falls at; clipped to the day's edges for spans crossing them. */
function minuteOfDay(ms: number, date: string, zone: string, day: DayData): number {
  if (ms <= day.dayStart) return 0;
  if (ms >= day.dayEnd) return 24 * 60;
  const wall = wallClock(ms, zone);
  return wall.date === date ? wall.minute : 24 * 60;
}

export function StaffColumn(props: StaffColumnProps) {
  const { member, date, zone, day } = props;
  const working = props.hours.filter((h) => h.weekday === props.weekday);
  const timeOff = day.timeOff.filter((t) => t.staffId === member.id);
  const shown = day.appointments.filter(
    (a: Appointment) => a.staffId === member.id && isShownOnCalendar(a.status),
  );
  const laned = assignLanes(
    shown.map((a) => ({
      appointment: a,
      startMinute: minuteOfDay(a.start, date, zone, day),
      endMinute: minuteOfDay(a.end, date, zone, day),
    })),
  );
  const isWorking = (minute: number) =>
    working.some((h) => minute >= h.startMinute && minute < h.endMinute);

  return (
    <div className="cal-column" data-testid="staff-column" data-staff-id={member.id}>
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
      {Array.from({ length: (DAY_END_MINUTE - DAY_START_MINUTE) / 30 }, (_, i) => (
        <div
          key={i}
          className="cal-hour-line"
          data-half={i % 2 === 1}
          style={{ top: minuteToY(DAY_START_MINUTE + i * 30) }}
        />
      ))}
      {props.slotStarts
        .filter(
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
            style={{ top: minuteToY(s.minute), height: props.stepMinutes }}
            onClick={() => props.onSlot(member.id, s.start)}
          >
            {formatMinute(s.minute)}
          </button>
        ))}
      {timeOff.map((t) => {
        const place = placeSpan({
          startMinute: minuteOfDay(t.startAt, date, zone, day),
          endMinute: minuteOfDay(t.endAt, date, zone, day),
        });
        return (
          place && (
            <div
              key={t.id}
              className="cal-time-off"
              data-testid="time-off"
              style={{ top: place.top, height: place.height, zIndex: 1 }}
            >
              Time off{t.reason ? `: ${t.reason}` : ''}
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
            selected={props.selectedId === a.id}
            onOpen={props.onOpen}
          />
        );
      })}
    </div>
  );
}
