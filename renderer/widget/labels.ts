// Every word the widget shows, so a business can translate or reword it through `labels`.
export const defaultLabels = {
  title: 'Book an appointment',
  chooseService: 'Choose a service',
  chooseStaff: 'Who would you like?',
  anyone: 'Anyone available',
  chooseTime: 'Pick a day and time',
  noSlots: 'No free times in the next two weeks. Please call us.',
  noSlotsDay: 'No free times left on this day.',
  zoneNotice: 'Times are in {zone}, where the business is. Your device is set to {visitor}.',
  details: 'Your details',
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  note: 'Anything we should know?',
  smsConsent: 'Text me reminders about this appointment',
  required: 'required',
  contactHint: 'A phone number or an email address, so we can reach you.',
  book: 'Book',
  booking: 'Booking…',
  back: 'Back',
  change: 'Change',
  taken:
    'Sorry, that time was just taken by someone else. Pick another time below; your details are kept.',
  takenNoMore: 'Sorry, that time was just taken and no other times are free that day.',
  nextFree: 'Next free times that day',
  confirmed: 'You are booked',
  addToCalendar: 'Add to calendar',
  manage: 'Change or cancel this booking',
  loading: 'Loading…',
  retry: 'Try again',
  manageTitle: 'Your booking',
  reschedule: 'Move to another time',
  moveWith: 'With {name}',
  cancel: 'Cancel booking',
  cancelConfirm: 'Yes, cancel it',
  keep: 'Keep it',
  cancelledNow: 'Done: the booking is cancelled and the time is free for others.',
  statusCancelled: 'Cancelled',
  checkFields: 'Please check:',
  moved: 'Your booking was moved.',
  changesUntil: 'You can change or cancel online until {when}.',
  depositTerms: 'Deposit and cancellation',
  bookAndPay: 'Continue to payment',
  toPayment: 'Taking you to the payment page…',
  payHere: 'Pay the deposit',
};

export type Labels = typeof defaultLabels;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
