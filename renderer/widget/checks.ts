// The widget's own checks of the details form, in words a customer understands. They run before
// the request and again as the visitor types, so an error goes as soon as its field is right;
// the server still decides, and its refusals are mapped to the same words (BookingFlow).
import type { Details, FieldErrors } from './DetailsForm.js';
import type { Labels } from './labels.js';

type Checked = Exclude<keyof Details, 'sms'>;

/** Loose on purpose: the server validates for real; this only catches what is plainly wrong. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Enough digits for a number someone can ring, wherever it is from. */
const PHONE_DIGITS = 7;

export function plainWords(labels: Labels, field: keyof Details): string {
  const words: Record<keyof Details, string> = {
    name: labels.fixName,
    phone: labels.fixPhone,
    email: labels.fixEmail,
    note: labels.fixNote,
    sms: labels.smsConsent,
  };
  return words[field];
}

function problemAt(labels: Labels, field: Checked, d: Details): string | undefined {
  const value = d[field].trim();
  switch (field) {
    case 'name':
      return value.length < 2 ? labels.fixName : undefined;
    case 'phone':
      if (value) {
        return value.replace(/\D/g, '').length < PHONE_DIGITS ? labels.fixPhone : undefined;
      }
      return d.email.trim() ? undefined : labels.contactHint;
    case 'email':
      return value && !EMAIL.test(value) ? labels.fixEmail : undefined;
    case 'note':
      return value.length > 2000 ? labels.fixNote : undefined;
  }
}

const CHECKED: Checked[] = ['name', 'phone', 'email', 'note'];

export function problemsOf(labels: Labels, d: Details): FieldErrors {
  const found: FieldErrors = {};
  for (const field of CHECKED) {
    const problem = problemAt(labels, field, d);
    if (problem) found[field] = problem;
  }
  return found;
}

/**
 * The errors left once the visitor has typed: a shown error goes when its field was edited and
 * now passes (the phone's also when an email arrives), and none appears for a field not yet
 * submitted. A field left alone keeps the server's refusal, which this check cannot judge.
 */
export function stillWrong(
  labels: Labels,
  shown: FieldErrors,
  before: Details,
  d: Details,
): FieldErrors {
  const left: FieldErrors = {};
  for (const key of Object.keys(shown) as (keyof Details)[]) {
    const edited = before[key] !== d[key] || (key === 'phone' && before.email !== d.email);
    if (key === 'sms' || !edited || problemAt(labels, key, d)) left[key] = shown[key];
  }
  return left;
}
