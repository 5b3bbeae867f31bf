// The desk's own channels: merging duplicate customers, CSV import and export, and where the
// widget is served (for the embed snippet and its live preview).
import type { Services } from '../../app.js';
import type { EventBus } from '../../core/events.js';
import type { HandlerGroup } from '../router.js';

export function deskHandlers(s: Services, events: EventBus): HandlerGroup {
  return {
    'customers.mergePreview': (input) => s.customerMerge.preview(input.keepId, input.duplicateId),
    'customers.merge': (input) => {
      const kept = s.customerMerge.merge(input.keepId, input.duplicateId);
      events.emit('customers.changed', {
        change: 'merged',
        customerIds: [input.keepId, input.duplicateId],
      });
      return kept;
    },
    'customers.importCsv': (input) => {
      const result = s.customerCsv.importCsv(input);
      if (input.mode === 'commit') {
        events.emit('customers.changed', { change: 'imported', customerIds: [] });
      }
      return result;
    },
    'customers.exportCsv': () => s.customerCsv.exportCsv(),
    'widget.embedInfo': () => s.publicAddress.embedInfo(),
  };
}
