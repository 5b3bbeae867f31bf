// One appointment in a staff column, coloured by its status (see calendar.css). A live one can be
// dragged to move it, its bottom edge dragged to change its length, or nudged with Alt+arrows.
import type { Appointment } from '../../../../preload/contract.js';
import { formatTime } from '../../time/zone.js';
import type { DragMode, NudgeKey } from './drag.js';
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
  compact: boolean;
  selected: boolean;
  /** Drawn where a drag would drop it. */
  dragging: boolean;
  /** Dropped; the core has not answered yet. */
  pending: boolean;
  onOpen: (id: string) => void;
  onPointerDown: (event: React.PointerEvent<HTMLElement>, mode: DragMode) => void;
  onNudge: (key: NudgeKey) => void;
}

const nudgeKeys: Record<string, NudgeKey | undefined> = {
  ArrowUp: 'earlier',
  ArrowDown: 'later',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** Alt+↑/↓ move a step, Alt+Shift+↑/↓ change the length, Alt+←/→ move to the next column. */
function nudgeFor(event: React.KeyboardEvent): NudgeKey | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (event.shiftKey) {
    if (event.key === 'ArrowUp') return 'shorter';
    if (event.key === 'ArrowDown') return 'longer';
    return undefined;
  }
  return nudgeKeys[event.key];
}

export function isMovable(status: Appointment['status']): boolean {
  return status === 'confirmed' || status === 'pending_payment';
}

export function AppointmentBlock(props: AppointmentBlockProps) {
  const { appointment: a, customerName, serviceName, zone } = props;
  const time = `${formatTime(a.start, zone)}–${formatTime(a.end, zone)}`;
  const width = 100 / props.lanes;
  const confirmedByCustomer = a.status === 'confirmed' && a.customerConfirmedAt !== null;
  const movable = isMovable(a.status);
  return (
    <div
      role="button"
      tabIndex={0}
      className="cal-appointment"
      data-testid="appointment"
      data-appointment-id={a.id}
      data-status={a.status}
      data-customer-confirmed={confirmedByCustomer}
      data-selected={props.selected}
      data-dragging={props.dragging}
      data-pending={props.pending}
      data-movable={movable}
      data-compact={props.compact}
      aria-label={`${customerName}, ${serviceName}, ${time}, ${statusLabels[a.status]}${
        confirmedByCustomer ? ' by the customer' : ''
      }`}
      aria-pressed={props.selected}
      aria-keyshortcuts={movable ? 'Alt+ArrowUp Alt+ArrowDown Alt+Shift+ArrowDown' : undefined}
      title={props.compact ? `${customerName} · ${time} · ${serviceName}` : undefined}
      style={{
        top: props.top,
        height: Math.max(props.height - 1, 14),
        left: `calc(${props.lane * width}% + ${props.compact ? 1 : 2}px)`,
        width: `calc(${width}% - ${props.compact ? 3 : 6}px)`,
        zIndex: props.dragging ? 5 : 2,
      }}
      onPointerDown={(event) => {
        if (!movable) return;
        const resize = (event.target as HTMLElement).dataset.resize === 'true';
        props.onPointerDown(event, resize ? 'resize' : 'move');
      }}
      onClick={(event) => {
        // The slot underneath must not also open a booking.
        event.stopPropagation();
        props.onOpen(a.id);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          props.onOpen(a.id);
          return;
        }
        const key = movable ? nudgeFor(event) : undefined;
        if (!key) return;
        event.preventDefault();
        event.stopPropagation();
        props.onNudge(key);
      }}
    >
      <div className="cal-appointment-name">
        {confirmedByCustomer && <span aria-hidden>✓ </span>}
        {customerName}
      </div>
      {!props.compact && (
        <div className="cal-appointment-meta">
          {time} · {serviceName}
        </div>
      )}
      {movable && (
        <div
          className="cal-resize"
          data-resize="true"
          data-testid="appointment-resize"
          aria-hidden
        />
      )}
    </div>
  );
}
