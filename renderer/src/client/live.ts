// Keeps every window in step: an appointment changed anywhere (another window, the widget, an
// SMS reply) refetches the appointment and availability queries this window has cached, and a
// message sent or failed refetches the outbox.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayload } from '../../../preload/contract/index.js';
import { appointmentChannels } from './queries.js';
import { subscribe } from './rpc.js';

/** Every cached answer that shows a customer's details. */
const customerChannels = ['customers.list', 'customers.get', 'customers.getMany'] as const;

export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe((event, payload) => {
        switch (event) {
          case 'appointments.changed':
            for (const channel of appointmentChannels) {
              void client.invalidateQueries({ queryKey: [channel] });
            }
            // A booking from the widget or another window may have added its customer. (The
            // switch narrows `event` but not the generic payload, hence the cast.)
            if ((payload as EventPayload<'appointments.changed'>).change === 'created') {
              void client.invalidateQueries({ queryKey: ['customers.list'] });
            }
            break;
          case 'reminders.sent':
          case 'reminders.failed':
            // The messages list is the only cached answer a sent or failed reminder changes.
            void client.invalidateQueries({ queryKey: ['outbox.list'] });
            void client.invalidateQueries({ queryKey: ['outbox.page'] });
            break;
          case 'inbox.received':
            // STOP/START change the customer's consent; every reply lands in the inbox.
            void client.invalidateQueries({ queryKey: ['inbox.list'] });
            void client.invalidateQueries({ queryKey: ['customers.get'] });
            break;
          case 'customers.changed':
            for (const channel of customerChannels) {
              void client.invalidateQueries({ queryKey: [channel] });
            }
            if ((payload as EventPayload<'customers.changed'>).change === 'merged') {
              for (const channel of appointmentChannels) {
                void client.invalidateQueries({ queryKey: [channel] });
              }
            }
            break;
          default: {
            const never: never = event;
            throw new Error(`Unhandled event ${String(never)}`);
          }
        }
      }),
    [client],
  );
}
