// Keeps every window in step: an appointment changed anywhere (another window, the widget, an
// SMS reply) refetches the appointment and availability queries this window has cached.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { appointmentChannels } from './queries.js';
import { subscribe } from './rpc.js';

export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe((event) => {
        switch (event) {
          case 'appointments.changed':
            for (const channel of appointmentChannels) {
              void client.invalidateQueries({ queryKey: [channel] });
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
