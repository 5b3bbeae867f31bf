// The manage page (/book/manage/{token}): the booking, and moving or cancelling it. Past the
// cancellation cut-off the page offers neither and says whom to call, rather than buttons that
// can only be refused. Refusals that still come (a time taken meanwhile) are the API's plain
// words, shown as they are in the live region.
import { useEffect, useState } from 'react';
import type { ApiError, Booking, Slot } from './api.js';
import { startsIn, stillFree, useAvailability } from './availability.js';
import { useWidget } from './context.js';
import { formatWhen } from './format.js';
import { fill } from './labels.js';
import {
  CallBusiness,
  durationWords,
  insideCutoff,
  Live,
  StepHeading,
  ZoneNotice,
  type LiveMessage,
} from './parts.js';
import { CancelRefundNotice, PaymentPanel } from './PaymentPanel.js';
import { SlotPicker } from './SlotPicker.js';

export function ManageBooking(props: { token: string }) {
  const { api, labels } = useWidget();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [live, setLive] = useState<LiveMessage | null>(null);

  useEffect(() => {
    void api.booking(props.token).then((answer) => {
      if (answer.ok) setBooking(answer.value.booking);
      else setLive({ text: answer.error.message, tone: 'error', code: answer.error.code });
    });
  }, [api, props.token]);

  return (
    <div class="bs" data-testid="manage" data-status={booking?.status}>
      {booking ? (
        <ManageLoaded
          booking={booking}
          token={props.token}
          live={live}
          setLive={setLive}
          onChange={setBooking}
        />
      ) : (
        <>
          <StepHeading text={labels.manageTitle} focus={false} />
          <Live message={live} />
          {live ? null : <p class="muted">{labels.loading}</p>}
        </>
      )}
    </div>
  );
}

type Mode = 'view' | 'reschedule' | 'confirm-cancel';

function ManageLoaded(props: {
  booking: Booking;
  token: string;
  live: LiveMessage | null;
  setLive: (m: LiveMessage | null) => void;
  onChange: (b: Booking) => void;
}) {
  const { api, labels, locale } = useWidget();
  const b = props.booking;
  const { setLive } = props;
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [acted, setActed] = useState(false);
  // Moving keeps the person unless the customer asks for anyone who does the service, or asked
  // for anyone when booking: then everyone's times come first.
  const [anyone, setAnyone] = useState(b.any_staff);
  const staff = anyone ? undefined : b.staff_id;
  // The business's zone comes with availability; the same answer feeds rescheduling.
  const availability = useAvailability(b.service_id, staff);
  const zone = availability.data?.timezone;
  const when = (iso: string) => (zone ? formatWhen(iso, zone, locale) : iso);
  const cancelled = b.status === 'cancelled';
  // Only what the server says is open now is offered: its clock and its rule decide.
  const changeable = !cancelled && b.can_change_online;
  // A picked time waits here for a yes before anything moves.
  const [proposed, setProposed] = useState<Slot | null>(null);

  function to(next: Mode) {
    setActed(true);
    setLive(null);
    setProposed(null);
    setMode(next);
  }

  function refused(error: ApiError) {
    setLive({ text: error.message, tone: 'error', code: error.code });
    // The cut-off passed while the page was open: read the booking again, so the buttons that
    // can only be refused make way for whom to call.
    if (error.code === 'POLICY') {
      void api.booking(props.token).then((fresh) => {
        if (fresh.ok) props.onChange(fresh.value.booking);
      });
    }
  }

  async function move(slot: Slot) {
    setBusy(true);
    const fresh = await availability.reload();
    if (fresh && !stillFree(fresh, slot, staff)) {
      setBusy(false);
      return setLive({ text: labels.taken, tone: 'error', code: 'CONFLICT' });
    }
    // "any" rather than the slot's person: whoever is still free then takes it (the same
    // person first), as when booking with anyone.
    const answer = await api.reschedule(props.token, {
      start: slot.start,
      staff_id: anyone ? 'any' : slot.staff_id,
    });
    setBusy(false);
    if (!answer.ok) {
      setProposed(null);
      void availability.reload();
      refused(answer.error);
      return;
    }
    props.onChange(answer.value.booking);
    setProposed(null);
    setMode('view');
    setLive({
      text: `${labels.moved} ${when(answer.value.booking.start)}`,
      tone: 'ok',
      code: 'MOVED',
    });
  }

  async function cancel() {
    setBusy(true);
    const answer = await api.cancel(props.token);
    setBusy(false);
    setMode('view');
    if (!answer.ok) return refused(answer.error);
    props.onChange(answer.value.booking);
    setLive({ text: labels.cancelledNow, tone: 'ok', code: 'CANCELLED' });
  }

  return (
    <>
      <StepHeading
        text={
          mode !== 'reschedule'
            ? labels.manageTitle
            : proposed
              ? labels.confirmMoveTitle
              : labels.chooseTime
        }
        focus={acted}
      />
      <Live message={props.live} />
      <p class="summary" data-testid="booking-summary" data-start={b.start}>
        <strong>{b.service_name}</strong> · {b.staff_name}
        <br />
        <span data-testid="booking-when">{when(b.start)}</span>
        {cancelled ? (
          <>
            <br />
            <strong data-testid="status-cancelled">{labels.statusCancelled}</strong>
          </>
        ) : null}
      </p>
      {zone ? (
        <ZoneNotice
          zone={zone}
          instants={[b.start, b.changes_allowed_until, ...startsIn(availability.data)]}
          labels={labels}
        />
      ) : null}
      {b.payment ? <PaymentPanel payment={b.payment} /> : null}
      {!cancelled && !changeable ? (
        <CallBusiness
          testId="call-business"
          business={b.business}
          labels={labels}
          reason={labels.tooLateOnline}
        />
      ) : null}
      {changeable && mode === 'view' ? (
        <>
          <p class="muted">{fill(labels.changesUntil, { when: when(b.changes_allowed_until) })}</p>
          <div class="row">
            <button type="button" data-testid="reschedule" onClick={() => to('reschedule')}>
              {labels.reschedule}
            </button>
            <button type="button" data-testid="cancel" onClick={() => to('confirm-cancel')}>
              {labels.cancel}
            </button>
          </div>
        </>
      ) : null}
      {changeable && mode === 'confirm-cancel' ? (
        <>
          {b.payment ? <CancelRefundNotice payment={b.payment} /> : null}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              data-testid="confirm-cancel"
              onClick={() => void cancel()}
            >
              {labels.cancelConfirm}
            </button>
            <button type="button" data-testid="keep" onClick={() => to('view')}>
              {labels.keep}
            </button>
          </div>
        </>
      ) : null}
      {changeable && mode === 'reschedule' && proposed ? (
        <div data-testid="move-question">
          <p>{fill(labels.moveQuestion, { when: when(proposed.start), current: when(b.start) })}</p>
          {availability.data &&
          insideCutoff(proposed.start, availability.data.business.cancellation_cutoff_minutes) ? (
            <p class="notice">
              {fill(labels.insideCutoff, {
                cutoff: durationWords(
                  labels,
                  availability.data.business.cancellation_cutoff_minutes,
                ),
              })}
            </p>
          ) : null}
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              aria-busy={busy}
              data-testid="confirm-move"
              onClick={() => void move(proposed)}
            >
              {labels.moveYes}
            </button>
            <button type="button" data-testid="keep-time" onClick={() => setProposed(null)}>
              {labels.moveNo}
            </button>
          </div>
        </div>
      ) : null}
      {changeable && mode === 'reschedule' && !proposed ? (
        <>
          <div class="days" role="group" aria-label={labels.chooseStaff} data-testid="move-staff">
            <button
              type="button"
              aria-pressed={!anyone}
              data-testid="move-with"
              data-choice="same"
              onClick={() => setAnyone(false)}
            >
              {fill(labels.moveWith, { name: b.staff_name })}
            </button>
            <button
              type="button"
              aria-pressed={anyone}
              data-testid="move-with"
              data-choice="any"
              onClick={() => setAnyone(true)}
            >
              {labels.anyone}
            </button>
          </div>
          {availability.data ? (
            <SlotPicker
              data={availability.data}
              paging={availability}
              chosen={null}
              busy={busy}
              onPick={(s) => {
                setLive(null);
                setProposed(s);
              }}
            />
          ) : (
            <p class="muted">{labels.loading}</p>
          )}
          <div class="row">
            <button type="button" class="link" data-testid="back" onClick={() => to('view')}>
              {labels.back}
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}
