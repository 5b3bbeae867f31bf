// The end of the flow: what was booked, an .ics for the visitor's calendar, and the manage link
// (the only way back to this booking, since the token is shown once).
import type { Booking } from './api.js';
import { useWidget } from './context.js';
import { formatWhen } from './format.js';
import { bookingIcsEvent, icsHref } from './ics.js';
import { StepHeading } from './parts.js';

export function manageUrl(apiBase: string, token: string): string {
  return `${apiBase}/book/manage/${encodeURIComponent(token)}`;
}

export function Confirmation(props: { booking: Booking; token: string; zone: string }) {
  const { apiBase, labels, locale } = useWidget();
  const b = props.booking;
  const link = manageUrl(apiBase, props.token);
  const ics = icsHref(bookingIcsEvent(b, `${labels.manage}: ${link}`));
  return (
    <div data-testid="confirmation" data-booking-id={b.id} data-status={b.status}>
      <StepHeading text={labels.confirmed} focus />
      <p class="summary">
        <strong>{b.service_name}</strong> · {b.staff_name}
        <br />
        {props.zone ? formatWhen(b.start, props.zone, locale) : b.start}
      </p>
      <div class="row">
        <a class="btn primary" href={ics} download="appointment.ics" data-testid="ics">
          {labels.addToCalendar}
        </a>
      </div>
      <p class="row">
        <a href={link} data-testid="manage-link">
          {labels.manage}
        </a>
      </p>
    </div>
  );
}
