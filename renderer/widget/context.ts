// What every screen of one mounted widget shares: its API client, its words and their language.
import { createContext, useContext } from 'react';
import type { Api } from './api.js';
import { defaultLabels, type Labels } from './labels.js';

export interface WidgetContext {
  api: Api;
  apiBase: string;
  labels: Labels;
  /** BCP 47: how dates, times and money read (the site's `locale`, else the browser's). */
  locale: string;
}

export const Widget = createContext<WidgetContext | null>(null);

export function useWidget(): WidgetContext {
  const value = useContext(Widget);
  if (!value) throw new Error('useWidget outside <Widget.Provider>');
  return value;
}

export { defaultLabels };
