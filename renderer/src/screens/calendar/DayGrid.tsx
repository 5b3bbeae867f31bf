// The day view's grid: an hour gutter, a column per active staff member, the "now" line.
import { useMemo } from 'react';
import { isoWeekday, wallClock } from '../../time/zone.js';
import { HourGutter, NowLine, useOpenAtMorning } from './GridParts.js';
import { useColumnIndex } from './columnIndex.js';
import { StaffColumn } from './StaffColumn.js';
import type { AppointmentDrag } from './useAppointmentDrag.js';
import type { DayData } from './useDayData.js';
import { GRID_HEIGHT, slotStartsOn } from './layout.js';

export interface GridProps {
  date: string;
  zone: string;
  stepMinutes: number;
  now: number;
  day: DayData;
  selectedId: string | null;
  showCancelled: boolean;
  drag: AppointmentDrag;
  onSlot: (staffId: string, start: number) => void;
  onOpen: (appointmentId: string) => void;
}

export function DayGrid(props: GridProps) {
  const { date, zone, stepMinutes, day } = props;
  const scroller = useOpenAtMorning(date);
  const slotStarts = useMemo(
    () => slotStartsOn(date, zone, stepMinutes),
    [date, zone, stepMinutes],
  );
  const staffIds = day.staff.map((s) => s.id);
  const index = useColumnIndex(day, zone, props.showCancelled);
  const isToday = wallClock(props.now, zone).date === date;

  return (
    <>
      {/* No grid roles: a time grid with blocks of any length is no table of cells. Each staff
          column below is a group named by person and day, which a screen reader walks. */}
      <div className="cal-header">
        <div className="cal-gutter" />
        {day.staff.map((member) => (
          <div key={member.id} className="cal-column-head" data-testid="staff-head">
            <span className="cal-staff-dot" style={{ background: member.color }} aria-hidden />
            {member.name}
          </div>
        ))}
      </div>
      <div className="cal-scroll" ref={scroller} data-testid="day-grid" data-date={date}>
        <div className="cal-body" style={{ height: GRID_HEIGHT + 12, paddingTop: 6 }}>
          <HourGutter />
          <div className="cal-columns">
            {day.staff.map((member) => (
              <StaffColumn
                key={member.id}
                member={member}
                date={date}
                weekday={isoWeekday(date)}
                zone={zone}
                stepMinutes={stepMinutes}
                now={props.now}
                day={day}
                hours={day.hoursByStaff.get(member.id) ?? []}
                selectedId={props.selectedId}
                slotStarts={slotStarts}
                compact={false}
                showCancelled={props.showCancelled}
                drag={props.drag}
                index={index}
                staffIds={staffIds}
                onSlot={props.onSlot}
                onOpen={props.onOpen}
              />
            ))}
            {isToday && <NowLine now={props.now} zone={zone} />}
          </div>
        </div>
      </div>
    </>
  );
}
