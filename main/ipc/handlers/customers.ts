// The desk's customer channels: the list, one customer or a screenful at once, adding and
// editing, merging duplicates, and CSV import and export. The services announce what changed
// (customers.changed), whichever way the change came.
import type { Services } from '../../app.js';
import { NotFoundError } from '../../core/errors.js';
import type { HandlerGroup } from '../router.js';

export function customerHandlers(s: Services): HandlerGroup {
  return {
    'customers.list': (input) => s.customers.list(input),
    'customers.get': (input) => s.customers.get(input.id),
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
    'customers.create': (input) => s.customers.create(input, 'desk'),
    'customers.update': (input) => s.customers.update(input),
    'customers.mergePreview': (input) => s.customerMerge.preview(input.keepId, input.duplicateId),
    'customers.merge': (input) => s.customerMerge.merge(input.keepId, input.duplicateId),
    'customers.importCsv': (input) => s.customerCsv.importCsv(input),
    'customers.exportCsv': () => s.customerCsv.exportCsv(),
  };
}
