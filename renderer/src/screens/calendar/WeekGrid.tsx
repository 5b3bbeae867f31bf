// The week view: seven days side by side, each split into narrow columns per staff member, with
// the same hours, time off, statuses and dragging as the day view. A click on a day's heading
// opens that day; a click on free time books it.
import { addDays, formatShortDay, isoWeekday, wallClock } from '../../time/zone.js';
import type { GridProps } from './DayGrid.js';
import { HourGutter, NowLine, useOpenAtMorning } from './GridParts.js';
import { useColumnIndex } from './columnIndex.js';
import { StaffColumn } from './StaffColumn.js';
import { GRID_HEIGHT } from './layout.js';

export interface WeekGridProps extends GridProps {
  onOpenDay: (date: string) => void;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

export function WeekGrid(props: WeekGridProps) {
  const { zone, day } = props;
  const dates = Array.from({ length: day.days }, (_, i) => addDays(day.from, i));
  const scroller = useOpenAtMorning(day.from);
  const today = wallClock(props.now, zone).date;
  const staffIds = day.staff.map((s) => s.id);
  const index = useColumnIndex(day, zone, props.showCancelled);

  return (
    <>
      {/* Plain headings and buttons, as in the day view: the columns name themselves. */}
      <div className="cal-header cal-week-header">
        <div className="cal-gutter" />
        {dates.map((date) => (
          <div key={date} className="cal-week-head" data-today={date === today}>
            <button
              type="button"
              className="cal-week-day-button"
              data-testid="week-day-head"
              data-date={date}
              onClick={() => props.onOpenDay(date)}
            >
              {formatShortDay(date)}
            </button>
            <div className="cal-week-staff">
              {day.staff.map((member) => (
                <span key={member.id} title={member.name} data-testid="week-staff-head">
                  <span
                    className="cal-staff-dot"
                    style={{ background: member.color }}
                    aria-hidden
                  />
                  {initials(member.name)}
                </span>
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="cal-scroll" ref={scroller} data-testid="week-grid" data-from={day.from}>
        <div className="cal-body" style={{ height: GRID_HEIGHT + 12, paddingTop: 6 }}>
          <HourGutter />
          {dates.map((date) => (
            <div
              key={date}
              className="cal-week-day"
              data-testid="week-day"
              data-date={date}
              data-today={date === today}
            >
              {day.staff.map((member) => (
                <StaffColumn
                  key={member.id}
                  member={member}
                  date={date}
                  weekday={isoWeekday(date)}
                  zone={zone}
                  stepMinutes={props.stepMinutes}
                  now={props.now}
                  day={day}
                  hours={day.hoursByStaff.get(member.id) ?? []}
                  selectedId={props.selectedId}
                  slotStarts={null}
                  compact
                  showCancelled={props.showCancelled}
                  drag={props.drag}
                  index={index}
                  staffIds={staffIds}
                  onSlot={props.onSlot}
                  onOpen={props.onOpen}
                />
              ))}
              {date === today && <NowLine now={props.now} zone={zone} />}
            </div>
          ))}
        </div>
      </div>
    </>
  );
}
