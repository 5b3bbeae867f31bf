// One appointment in a staff column, coloured by its status (see calendar.css).
import type { Appointment } from '../../../../preload/contract.js';
import { formatTime } from '../../time/zone.js';
import { statusLabels } from './layout.js';

export interface AppointmentBlockProps {
  appointment: Appointment;
  customerName: string;
  serviceName: string;
  zone: string;
  top: number;
  height: number;
  lane: number;
  lanes: number;
  selected: boolean;
  onOpen: (id: string) => void;
}

export function AppointmentBlock(props: AppointmentBlockProps) {
  const { appointment: a, customerName, serviceName, zone } = props;
  const time = `${formatTime(a.start, zone)}–${formatTime(a.end, zone)}`;
  const width = 100 / props.lanes;
  const confirmedByCustomer = a.status === 'confirmed' && a.customerConfirmedAt !== null;
  return (
    <button
      type="button"
      className="cal-appointment"
      data-testid="appointment"
      data-appointment-id={a.id}
      data-status={a.status}
      data-customer-confirmed={confirmedByCustomer}
      data-selected={props.selected}
      aria-label={`${customerName}, ${serviceName}, ${time}, ${statusLabels[a.status]}`}
      aria-pressed={props.selected}
      style={{
        top: props.top,
        height: Math.max(props.height - 1, 14),
        left: `calc(${props.lane * width}% + 2px)`,
        width: `calc(${width}% - 6px)`,
        zIndex: 2,
      }}
      onClick={(event) => {
        // The slot underneath must not also open a booking.
        event.stopPropagation();
        props.onOpen(a.id);
      }}
    >
      <div className="cal-appointment-name">
        {confirmedByCustomer && <span aria-hidden>✓ </span>}
        {customerName}
      </div>
      <div className="cal-appointment-meta">
        {time} · {serviceName}
      </div>
    </button>
  );
}
