// The visitor's details. Errors sit at their field (aria-describedby, aria-invalid), whether the
// widget found them or the API's 422 named the field.
import type { Slot } from './api.js';
import { useWidget } from './context.js';

export interface Details {
  name: string;
  phone: string;
  email: string;
  note: string;
  sms: boolean;
}

export type FieldErrors = Partial<Record<keyof Details, string>>;

export const emptyDetails: Details = { name: '', phone: '', email: '', note: '', sms: false };

function Field(props: {
  id: keyof Details;
  label: string;
  required?: boolean;
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string;
  multiline?: boolean;
  value: string;
  error: string | undefined;
  hint?: string;
  onInput: (value: string) => void;
}) {
  const { labels } = useWidget();
  const errorId = `bs-${props.id}-error`;
  const hintId = `bs-${props.id}-hint`;
  const describedBy =
    [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: `bs-${props.id}`,
    name: props.id,
    value: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': props.required ? true : undefined,
    'data-testid': `field-${props.id}`,
  };
  return (
    <div>
      <label for={`bs-${props.id}`}>
        {props.label}
        {props.required ? <span class="req"> ({labels.required})</span> : null}
      </label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={3}
          maxLength={2000}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          // preact's input props are a union discriminated by one literal `type`; text, tel and
          // email take the same props, so narrowing to one of them is sound.
          type={(props.type ?? 'text') as 'text'}
          autoComplete={props.autoComplete}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
      {props.hint ? (
        <p class="muted" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="ferr" id={errorId} data-testid={`error-${props.id}`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function DetailsForm(props: {
  details: Details;
  errors: FieldErrors;
  submitting: boolean;
  /** The submit button's words: "Continue to payment" when a deposit is due. */
  submitLabel?: string;
  alternatives: Slot[] | null;
  onChange: (details: Details) => void;
  onPickAlternative: (slot: Slot) => void;
  onSubmit: () => void;
}) {
  const { labels } = useWidget();
  const d = props.details;
  const set = (patch: Partial<Details>) => props.onChange({ ...d, ...patch });
  return (
    <form
      noValidate
      data-testid="details-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.alternatives && props.alternatives.length > 0 ? (
        <div data-testid="alternatives">
          <h3>{labels.nextFree}</h3>
          <div class="grid" role="group" aria-label={labels.nextFree}>
            {props.alternatives.map((s) => (
              <button
                type="button"
                key={s.start}
                data-testid="alternative"
                data-start={s.start}
                onClick={() => props.onPickAlternative(s)}
              >
                {s.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <Field
        id="name"
        label={labels.name}
        required
        autoComplete="name"
        value={d.name}
        error={props.errors.name}
        onInput={(name) => set({ name })}
      />
      <Field
        id="phone"
        label={labels.phone}
        type="tel"
        autoComplete="tel"
        value={d.phone}
        error={props.errors.phone}
        hint={labels.contactHint}
        onInput={(phone) => set({ phone })}
      />
      <Field
        id="email"
        label={labels.email}
        type="email"
        autoComplete="email"
        value={d.email}
        error={props.errors.email}
        onInput={(email) => set({ email })}
      />
      <Field
        id="note"
        label={labels.note}
        multiline
        value={d.note}
        error={props.errors.note}
        onInput={(note) => set({ note })}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={d.sms}
          data-testid="field-sms"
          onChange={(e) => set({ sms: e.currentTarget.checked })}
        />
        <span>{labels.smsConsent}</span>
      </label>
      <div class="row">
        <button
          type="submit"
          class="primary"
          disabled={props.submitting}
          aria-busy={props.submitting}
          data-testid="submit"
        >
          {props.submitting ? labels.booking : (props.submitLabel ?? labels.book)}
        </button>
      </div>
    </form>
  );
}
