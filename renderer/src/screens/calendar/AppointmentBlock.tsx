// One appointment in a staff column, coloured by its status (see calendar.css), with a badge for
// its deposit. A live one can be dragged to move it, its bottom edge dragged to change its length,
// or nudged with Alt+arrows. In the week's narrow columns the time and service show below the
// name when the block is tall enough.
import type { ListedAppointment, PaymentState } from '../../../../preload/contract/index.js';
import { formatTime } from '../../time/zone.js';
import type { DragMode, NudgeKey } from './drag.js';
import { statusLabels } from './layout.js';

export interface AppointmentBlockProps {
  appointment: ListedAppointment;
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

/** The badge's words, long for the day view and short for the week's narrow columns. */
const paymentLabels: Record<Exclude<PaymentState, 'none'>, { long: string; short: string }> = {
  awaiting_deposit: { long: 'Awaiting deposit', short: 'Deposit due' },
  paid: { long: 'Deposit paid', short: 'Paid' },
  part_refunded: { long: 'Part refunded', short: 'Part refund' },
  refunded: { long: 'Refunded', short: 'Refunded' },
};

/** Heights (px) from which a compact block has room for a second and a third line. */
const META_LINE_HEIGHT = 28;
const BADGE_LINE_HEIGHT = 42;

function PaymentBadge(props: { state: PaymentState; short: boolean }) {
  if (props.state === 'none') return null;
  const label = paymentLabels[props.state];
  return (
    <span className="cal-payment-badge" data-testid="payment-badge" data-payment={props.state}>
      {props.short ? label.short : label.long}
    </span>
  );
}

/**
 * The block's name: first what it shows, in the order shown (WCAG 2.5.3: a voice user says what
 * they see, and a screen reader user hears the same words a colleague reads out), then what the
 * block has no room for or shows only in colour: status, the rest of the time, the deposit.
 */
function blockLabel(p: {
  appointment: ListedAppointment;
  customerName: string;
  serviceName: string;
  zone: string;
  compact: boolean;
  time: string;
  roomForMeta: boolean;
  roomForBadge: boolean;
  status: string;
}): string {
  const a = p.appointment;
  const badge = a.paymentState === 'none' ? null : paymentLabels[a.paymentState];
  const parts = [p.customerName];
  if (p.roomForMeta) {
    parts.push(`${p.compact ? formatTime(a.start, p.zone) : p.time} · ${p.serviceName}`);
  }
  if (badge && p.roomForBadge) parts.push(p.compact ? badge.short : badge.long);
  if (!p.roomForMeta) parts.push(p.time, p.serviceName);
  else if (p.compact) parts.push(`until ${formatTime(a.end, p.zone)}`);
  parts.push(p.status);
  if (badge && (!p.roomForBadge || (p.compact && badge.short !== badge.long))) {
    parts.push(badge.long);
  }
  return parts.join(', ');
}

export function isMovable(status: ListedAppointment['status']): boolean {
  return status === 'confirmed' || status === 'pending_payment';
}

export function AppointmentBlock(props: AppointmentBlockProps) {
  const { appointment: a, customerName, serviceName, zone } = props;
  const time = `${formatTime(a.start, zone)}–${formatTime(a.end, zone)}`;
  const width = 100 / props.lanes;
  const confirmedByCustomer = a.status === 'confirmed' && a.customerConfirmedAt !== null;
  const movable = isMovable(a.status);
  const payment = a.paymentState === 'none' ? '' : `, ${paymentLabels[a.paymentState].long}`;
  const roomForMeta = !props.compact || props.height >= META_LINE_HEIGHT;
  const roomForBadge = !props.compact || props.height >= BADGE_LINE_HEIGHT;
  const label = blockLabel({
    appointment: a,
    customerName,
    serviceName,
    zone,
    compact: props.compact,
    time,
    roomForMeta,
    roomForBadge,
    status: `${statusLabels[a.status]}${confirmedByCustomer ? ' by the customer' : ''}`,
  });
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
      data-payment={a.paymentState}
      aria-label={label}
      aria-pressed={props.selected}
      aria-keyshortcuts={movable ? 'Alt+ArrowUp Alt+ArrowDown Alt+Shift+ArrowDown' : undefined}
      title={props.compact ? `${customerName} · ${time} · ${serviceName}${payment}` : undefined}
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
      {/* The spaces between the lines collapse on screen; they keep the words apart in text
          read from the block (an accessibility checker's "visible text", a copy and paste). */}
      <div className="cal-appointment-name">
        {confirmedByCustomer && <span aria-hidden>✓ </span>}
        {customerName}
      </div>{' '}
      {roomForMeta && (
        <div className="cal-appointment-meta" data-testid="appointment-meta">
          {props.compact ? formatTime(a.start, zone) : time} · {serviceName}
        </div>
      )}{' '}
      {roomForBadge ? (
        <PaymentBadge state={a.paymentState} short={props.compact} />
      ) : (
        a.paymentState !== 'none' && (
          // No room for words: a dot in the badge's colour, named in the block's label.
          <span className="cal-payment-dot" data-payment={a.paymentState} aria-hidden />
        )
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
