// The booking flow: service → staff (or anyone) → day and time → details → confirmation.
// Steps a site preset (data-service, data-staff) are skipped. Everything typed survives a slot
// taken meanwhile: only the time changes.
import { useEffect, useRef, useState } from 'react';
import {
  randomKey,
  type Booking,
  type BookingRequest,
  type PublicService,
  type Slot,
} from './api.js';
import { slotsOn, startsIn, stillFree, useAvailability } from './availability.js';
import { plainWords, problemsOf, stillWrong } from './checks.js';
import { ServiceList, StaffList } from './Choose.js';
import { Confirmation } from './Confirmation.js';
import { useWidget } from './context.js';
import { DetailsForm, emptyDetails, type Details, type FieldErrors } from './DetailsForm.js';
import { formatMoney, formatWhen, warmUp } from './format.js';
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
import { SlotPicker } from './SlotPicker.js';

export interface FlowOptions {
  service?: string;
  staff?: string;
}

type Step = 'service' | 'staff' | 'slot' | 'details' | 'done';

/** The API names customer fields by their path in the request body. */
const fieldOf: Record<string, keyof Details> = {
  'customer.name': 'name',
  'customer.phone': 'phone',
  'customer.email': 'email',
  customer: 'phone',
  note: 'note',
  sms_consent: 'sms',
};

function requestOf(service: string, staff: string | undefined, slot: Slot, d: Details) {
  const body: BookingRequest = {
    service_id: service,
    start: slot.start,
    customer: { name: d.name.trim() },
    sms_consent: d.sms,
  };
  // "Anyone": the server picks whoever is free at that start.
  if (staff) body.staff_id = staff;
  if (d.phone.trim()) body.customer.phone = d.phone.trim();
  if (d.email.trim()) body.customer.email = d.email.trim();
  if (d.note.trim()) body.note = d.note.trim();
  return body;
}

export function BookingFlow(props: { options: FlowOptions }) {
  const { api, labels } = useWidget();
  const [services, setServices] = useState<PublicService[] | null>(null);
  const [service, setService] = useState<PublicService | null>(null);
  const [staff, setStaff] = useState<string | undefined>(props.options.staff);
  const [step, setStep] = useState<Step>('service');
  const [live, setLive] = useState<LiveMessage | null>(null);
  const [acted, setActed] = useState(false);

  useEffect(() => {
    void api.services().then((answer) => {
      if (!answer.ok) return setLive({ text: answer.error.message, tone: 'error' });
      setServices(answer.value.services);
      const preset = answer.value.services.find((s) => s.id === props.options.service);
      if (preset) {
        setService(preset);
        setStep(props.options.staff || preset.staff_ids.length <= 1 ? 'slot' : 'staff');
      }
    });
  }, [api, props.options.service, props.options.staff]);

  const go = (next: Step) => {
    setActed(true);
    setLive(null);
    setStep(next);
  };

  const skipsStaff = !!props.options.staff || (service?.staff_ids.length ?? 0) <= 1;
  const presetService = !!services?.some((s) => s.id === props.options.service);
  const back: Partial<Record<Step, Step | null>> = {
    staff: presetService ? null : 'service',
    slot: skipsStaff ? (presetService ? null : 'service') : 'staff',
    details: 'slot',
  };
  const previous = back[step] ?? null;

  return (
    <div class="bs" data-testid="booking-widget" data-step={step}>
      {step === 'service' ? (
        <>
          <StepHeading text={labels.chooseService} focus={acted} />
          <Live message={live} />
          {services ? (
            <ServiceList
              services={services}
              onPick={(s) => {
                setService(s);
                // Nobody to choose between, or the site chose already.
                const skip = !!props.options.staff || s.staff_ids.length <= 1;
                setStaff(props.options.staff);
                go(skip ? 'slot' : 'staff');
              }}
            />
          ) : (
            <p class="muted">{labels.loading}</p>
          )}
        </>
      ) : null}
      {step === 'staff' && service ? (
        <>
          <StepHeading text={labels.chooseStaff} focus={acted} />
          <Live message={live} />
          <StaffList
            service={service}
            onPick={(id) => {
              setStaff(id);
              go('slot');
            }}
          />
        </>
      ) : null}
      {step !== 'service' && step !== 'staff' && service ? (
        <SlotAndDetails
          key={`${service.id}/${staff ?? ''}`}
          service={service}
          staff={staff}
          step={step}
          acted={acted}
          live={live}
          setLive={setLive}
          go={go}
          onBooked={() => go('done')}
        />
      ) : null}
      {previous && step !== 'done' ? (
        <div class="row">
          <button type="button" class="link" data-testid="back" onClick={() => go(previous)}>
            {labels.back}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The time and the details share state: a slot taken meanwhile sends the visitor back to times
 * without losing the form, and the booking needs both.
 */
function SlotAndDetails(props: {
  service: PublicService;
  staff: string | undefined;
  step: Exclude<Step, 'service' | 'staff'>;
  acted: boolean;
  live: LiveMessage | null;
  setLive: (m: LiveMessage | null) => void;
  go: (step: Step) => void;
  onBooked: () => void;
}) {
  const { api, labels, locale } = useWidget();
  const { service, staff, setLive } = props;
  const availability = useAvailability(service.id, staff);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [checking, setChecking] = useState(false);
  const [details, setDetails] = useState<Details>(emptyDetails);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
  const [done, setDone] = useState<{ booking: Booking; token: string } | null>(null);
  const [checkout, setCheckout] = useState<string | null>(null);
  // One key per submitted body: a retry of the same submission reuses it, so a lost answer
  // cannot book twice; any change (another time, a fixed field) is a new attempt.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const zone = availability.data?.timezone ?? '';
  useEffect(() => {
    if (zone) warmUp(zone, locale);
  }, [zone, locale]);

  async function pick(s: Slot) {
    setChecking(true);
    const fresh = await availability.reload();
    setChecking(false);
    if (fresh && !stillFree(fresh, s, staff)) {
      setLive({ text: labels.taken, tone: 'error', code: 'CONFLICT' });
      return;
    }
    setSlot(s);
    props.go('details');
  }

  async function takenMeanwhile(taken: Slot) {
    const fresh = await availability.reload();
    const day = fresh ? slotsOn(fresh, taken.start.slice(0, 10)) : [];
    const later = day.filter((s) => s.start > taken.start);
    const next = (later.length ? later : day).slice(0, 8);
    setAlternatives(next);
    setLive({
      text: next.length ? labels.taken : labels.takenNoMore,
      tone: 'error',
      code: 'CONFLICT',
    });
  }

  async function submit() {
    if (!slot) return;
    const found = problemsOf(labels, details);
    setErrors(found);
    if (Object.keys(found).length) {
      setLive({
        text: labels.checkFields,
        lines: Object.values(found),
        tone: 'error',
        code: 'VALIDATION',
      });
      return;
    }
    const body = requestOf(service.id, staff, slot, details);
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { key: randomKey(), body: json };
    setSubmitting(true);
    setLive(null);
    const answer = await api.book(body, attempt.current.key);
    setSubmitting(false);
    if (answer.ok && answer.value.checkout_url) {
      // A deposit: the booking is held until it is paid; checkout returns to our confirmation.
      setCheckout(answer.value.checkout_url);
      window.location.assign(answer.value.checkout_url);
      return;
    }
    if (answer.ok) {
      setDone({ booking: answer.value.booking, token: answer.value.manage_token });
      props.onBooked();
      return;
    }
    const e = answer.error;
    if (e.status === 409) return takenMeanwhile(slot);
    // The API words its refusals for developers ("Too small: expected string…"): at a field the
    // customer reads the widget's own words for that field. Anything else (a booking rule, a
    // service no longer offered) is said as the API put it, which is written for customers.
    const atFields: FieldErrors = {};
    for (const f of e.fields) {
      const key = fieldOf[f.field];
      if (key)
        atFields[key] = f.field === 'customer' ? labels.contactHint : plainWords(labels, key);
    }
    setErrors(atFields);
    const lines = Object.values(atFields);
    setLive(
      lines.length
        ? { text: labels.checkFields, lines, tone: 'error', code: e.code }
        : { text: e.message, tone: 'error', code: e.code },
    );
  }

  if (done) return <Confirmation booking={done.booking} token={done.token} zone={zone} />;
  if (checkout) {
    return (
      <div data-testid="checkout" data-status="pending_payment">
        <StepHeading text={labels.toPayment} focus />
        <p class="row">
          <a class="btn primary" href={checkout} data-testid="checkout-link">
            {labels.payHere}
          </a>
        </p>
      </div>
    );
  }

  const summary = slot ? (
    <p class="summary" data-testid="summary">
      <strong>{service.name}</strong> · {formatMoney(service.price, locale)}
      <br />
      {zone ? formatWhen(slot.start, zone, locale) : null}{' '}
      <button type="button" class="link" data-testid="change-time" onClick={() => props.go('slot')}>
        {labels.change}
      </button>
    </p>
  ) : null;

  if (props.step === 'details' && slot) {
    const business = availability.data?.business;
    return (
      <>
        <StepHeading text={labels.details} focus={props.acted} />
        <Live message={props.live} />
        {summary}
        {zone ? <ZoneNotice zone={zone} instants={[slot.start]} labels={labels} /> : null}
        {business && insideCutoff(slot.start, business.cancellation_cutoff_minutes) ? (
          // Said before the customer books, not discovered when they try to change it.
          <CallBusiness
            testId="cutoff-notice"
            business={business}
            labels={labels}
            reason={fill(labels.insideCutoff, {
              cutoff: durationWords(labels, business.cancellation_cutoff_minutes),
            })}
          />
        ) : null}
        {service.deposit && service.payment_policy?.length ? (
          <section data-testid="payment-policy" aria-label={labels.depositTerms}>
            <h3>{labels.depositTerms}</h3>
            <ul>
              {service.payment_policy.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <DetailsForm
          submitLabel={service.deposit ? labels.bookAndPay : labels.book}
          details={details}
          errors={errors}
          submitting={submitting}
          alternatives={alternatives}
          onChange={(next) => {
            const left = stillWrong(labels, errors, details, next);
            setErrors(left);
            setDetails(next);
            // The summary shrinks with the fields, so it never lists a problem already fixed.
            if (props.live?.lines && Object.keys(left).length < Object.keys(errors).length) {
              const lines = Object.values(left);
              setLive(lines.length ? { ...props.live, lines } : null);
            }
          }}
          onPickAlternative={(s) => {
            setSlot(s);
            setAlternatives(null);
            setLive({ text: `${formatWhen(s.start, zone, locale)}: ${labels.book}?`, tone: 'ok' });
          }}
          onSubmit={() => void submit()}
        />
      </>
    );
  }

  return (
    <>
      <StepHeading text={labels.chooseTime} focus={props.acted} />
      <Live message={props.live} />
      <p class="muted">
        {service.name} · {service.duration_minutes} min
      </p>
      {zone ? (
        <ZoneNotice zone={zone} instants={startsIn(availability.data)} labels={labels} />
      ) : null}
      {availability.data ? (
        <SlotPicker
          data={availability.data}
          paging={availability}
          chosen={slot}
          busy={checking}
          onPick={(s) => void pick(s)}
        />
      ) : availability.error ? (
        <p>
          {availability.error.message}{' '}
          <button type="button" onClick={() => void availability.reload()}>
            {labels.retry}
          </button>
        </p>
      ) : (
        <p class="muted">{labels.loading}</p>
      )}
    </>
  );
}
