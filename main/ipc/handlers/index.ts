// Contract channels → services, one group per capability (one file each here), merged once.
// Handlers receive input the router has already validated; actor is 'desk' because only the
// receptionist's UI uses these.
import type { Services } from '../../app.js';
import { mergeHandlers, type HandlerMap } from '../router.js';
import { appointmentHandlers } from './appointments.js';
import { catalogHandlers } from './catalog.js';
import { connectionHandlers } from './connections.js';
import { customerHandlers } from './customers.js';
import { messagingHandlers } from './messaging.js';
import { paymentHandlers } from './payments.js';

export function createHandlers(services: Services): HandlerMap {
  return mergeHandlers(
    catalogHandlers(services),
    appointmentHandlers(services),
    customerHandlers(services),
    messagingHandlers(services),
    paymentHandlers(services),
    connectionHandlers(services),
  );
}
