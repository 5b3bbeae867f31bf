// Channels the desk's calendar needs beyond the shared ones.
import type { Services } from '../../app.js';
import { NotFoundError } from '../../core/errors.js';
import type { HandlerGroup } from '../router.js';

export function calendarHandlers(s: Services): HandlerGroup {
  return {
    // An id that no longer names a customer (merged away meanwhile) is left out, not an error:
    // the calendar asks for a screenful at once and shows what exists.
    'customers.getMany': (input) =>
      [...new Set(input.ids)].flatMap((id) => {
        try {
          return [s.customers.get(id)];
        } catch (error) {
          if (error instanceof NotFoundError) return [];
          throw error;
        }
      }),
  };
}
