// The desk's own channels: merging duplicate customers, CSV import and export, and where the
// widget is served (for the embed snippet and its live preview).
import type { Services } from '../app.js';
import type { HandlerGroup } from './router.js';

export function deskHandlers(s: Services): HandlerGroup {
  return {
    'customers.mergePreview': (input) => s.customerMerge.preview(input.keepId, input.duplicateId),
    'customers.merge': (input) => s.customerMerge.merge(input.keepId, input.duplicateId),
    'customers.importCsv': (input) => s.customerCsv.importCsv(input),
    'customers.exportCsv': () => s.customerCsv.exportCsv(),
    'widget.embedInfo': () => s.publicAddress.embedInfo(),
  };
}
