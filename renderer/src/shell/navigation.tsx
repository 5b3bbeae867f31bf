// Moving between screens with something in hand: a message opens its customer or its appointment,
// a customer's visit opens in the calendar, "Book again" starts a booking there. The shell owns
// which screen shows; the screen that receives an intent acts on it once, then clears it.
import { createContext, useContext } from 'react';
import type { Customer } from '../../../preload/contract/index.js';

export type DeskIntent =
  | { kind: 'appointment'; appointmentId: string; start: number }
  | {
      kind: 'book';
      customer: Customer;
      serviceId: string;
      staffId: string;
      start: number;
    }
  | { kind: 'customer'; customerId: string };

export interface DeskNavigation {
  go(intent: DeskIntent): void;
  /** The intent the current screen has not acted on yet. */
  pending: DeskIntent | null;
  /** The screen has acted on `pending`. */
  done(): void;
}

const NavigationContext = createContext<DeskNavigation>({
  go: () => {},
  pending: null,
  done: () => {},
});

export const DeskNavigationProvider = NavigationContext.Provider;

export function useDeskNavigation(): DeskNavigation {
  return useContext(NavigationContext);
}
