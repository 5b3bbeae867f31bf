// The words BookingSync uses until the business writes its own. Plain ASCII punctuation on
// purpose: one curly apostrophe would turn an SMS into UCS-2 and halve what fits in a segment.
// Link lines stand alone, so SMS shortening can keep them whole (see templates.ts); so does
// {payment_terms}, so the line goes away when a booking has no terms.
import type { MessageKind } from './message-kinds.js';

export interface EmailTemplate {
  subject: string;
  /** Plain text; the HTML part is built from it. */
  text: string;
}

export interface KindTemplates {
  sms: string;
  email: EmailTemplate;
}

const signOff = '\n\nSee you soon,\n{business_name}';

export const DEFAULT_TEMPLATES: Record<MessageKind, KindTemplates> = {
  confirmation: {
    sms:
      "Hi {customer_first_name}, you're booked at {business_name}: {service} with {staff}, {start_local}.\n" +
      '{payment_terms}\n' +
      'Change or cancel: {manage_link}',
    email: {
      subject: 'Booking confirmed: {service}, {start_local}',
      text:
        'Hi {customer_first_name},\n\nYour booking at {business_name} is confirmed:\n' +
        '{service} with {staff}\n{start_local}\n\n' +
        '{payment_terms}\n\n' +
        'Need to change or cancel? {manage_link}' +
        signOff,
    },
  },
  reminder: {
    sms:
      'Reminder: {service} with {staff} at {business_name}, {start_local}. ' +
      'Reply C to confirm or CANCEL to cancel.\n' +
      'Manage: {manage_link}',
    email: {
      subject: 'Reminder: {service}, {start_local}',
      text:
        'Hi {customer_first_name},\n\nA reminder of your appointment at {business_name}:\n' +
        '{service} with {staff}\n{start_local}\n\n' +
        "Can't make it? Please let us know, so someone else can have the time: {manage_link}" +
        signOff,
    },
  },
  rescheduled: {
    sms:
      'Hi {customer_first_name}, your {service} at {business_name} has moved to {start_local}.\n' +
      'Manage: {manage_link}',
    email: {
      subject: 'Booking moved: {service}, now {start_local}',
      text:
        'Hi {customer_first_name},\n\nYour appointment at {business_name} has moved:\n' +
        '{service} with {staff}\n{start_local}\n\n' +
        'Need to change it again or cancel? {manage_link}' +
        signOff,
    },
  },
  cancellation: {
    sms:
      'Hi {customer_first_name}, your {service} at {business_name} on {start_local} is cancelled.\n' +
      'Book a new time: {rebook_link}',
    email: {
      subject: 'Booking cancelled: {service}, {start_local}',
      text:
        'Hi {customer_first_name},\n\nYour appointment at {business_name} is cancelled:\n' +
        '{service} with {staff}\n{start_local}\n\n' +
        'Whenever you would like a new time: {rebook_link}\n\n{business_name}',
    },
  },
  thank_you: {
    sms:
      'Thank you for visiting {business_name}, {customer_first_name}!\n' +
      'Book your next visit: {rebook_link}',
    email: {
      subject: 'Thank you for visiting {business_name}',
      text:
        'Hi {customer_first_name},\n\nThank you for coming in for your {service} with {staff}. ' +
        'We hope to see you again soon.\n\nBook your next visit: {rebook_link}\n\n{business_name}',
    },
  },
  rebook: {
    sms:
      "Hi {customer_first_name}, it's about time for your next {service} at {business_name}.\n" +
      'Book: {rebook_link}',
    email: {
      subject: 'Time for your next {service}?',
      text:
        "Hi {customer_first_name},\n\nIt's about time for your next {service} at {business_name}.\n\n" +
        'Pick a time that suits you: {rebook_link}\n\n{business_name}',
    },
  },
  no_show: {
    sms:
      'Hi {customer_first_name}, we missed you at {business_name} on {start_local}. ' +
      'No problem - book a new time whenever suits you:\n{rebook_link}',
    email: {
      subject: 'We missed you at {business_name}',
      text:
        'Hi {customer_first_name},\n\nWe missed you for your {service} on {start_local}. ' +
        'We hope all is well.\n\nWhenever suits you, book a new time here: {rebook_link}\n\n' +
        '{business_name}',
    },
  },
  // Payments (payments/deposits.ts). {manage_link} carries the checkout page of a payment link.
  payment_link: {
    sms:
      'Hi {customer_first_name}, to secure your {service} at {business_name} on {start_local}, ' +
      'please pay the deposit here:\n{manage_link}',
    email: {
      subject: 'Deposit for your {service}, {start_local}',
      text:
        'Hi {customer_first_name},\n\nTo secure your {service} with {staff} at {business_name} on ' +
        '{start_local}, please pay the deposit here:\n{manage_link}' +
        signOff,
    },
  },
  payment_refunded: {
    sms:
      'Hi {customer_first_name}, your payment to {business_name} for {service} on {start_local} ' +
      'has been refunded. Pick another time:\n{rebook_link}',
    email: {
      subject: 'Refund: {service}, {start_local}',
      text:
        'Hi {customer_first_name},\n\nYour payment to {business_name} for {service} on ' +
        '{start_local} has been refunded to your card. It can take a few days to show.\n\n' +
        'Pick another time whenever suits you: {rebook_link}\n\n{business_name}',
    },
  },
  reply: {
    sms:
      'Sorry {customer_first_name}, your {service} on {start_local} is too close to cancel by text. ' +
      'Please call {business_name}.',
    email: {
      subject: 'About your {service}, {start_local}',
      text:
        'Hi {customer_first_name},\n\nYour {service} on {start_local} is too close to cancel ' +
        'by text. Please call us.\n\n{business_name}',
    },
  },
};
