// What every screen of one mounted widget shares: its API client and its words.
import { createContext, useContext } from 'react';
import type { Api } from './api.js';
import { defaultLabels, type Labels } from './labels.js';

export interface WidgetContext {
  api: Api;
  apiBase: string;
  labels: Labels;
}

export const Widget = createContext<WidgetContext | null>(null);

export function useWidget(): WidgetContext {
  const value = useContext(Widget);
  if (!value) throw new Error('useWidget outside <Widget.Provider>');
  return value;
}

export { defaultLabels };
