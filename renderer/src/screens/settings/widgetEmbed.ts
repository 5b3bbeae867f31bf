// The embed snippet for the booking widget and the options the desk's live preview mounts it
// with: both from one set of theme controls, so what the preview shows is what the snippet gives.

export interface WidgetLook {
  serviceId: string | null;
  primary: string;
  radius: number;
  font: string;
  mode: 'light' | 'dark';
  /** BCP 47 language of dates, times and prices; empty: each visitor's browser language. */
  locale: string;
  /** The first step's heading (the widget's `chooseService` label). */
  chooseService: string;
  book: string;
}

export const defaultLook: WidgetLook = {
  serviceId: null,
  primary: '#2563eb',
  radius: 8,
  font: 'system-ui, sans-serif',
  mode: 'light',
  locale: '',
  chooseService: 'Choose a service',
  book: 'Book',
};

/** Values go into a double-quoted HTML attribute on someone else's page. */
function attribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Only what differs from the widget's defaults goes into the snippet, so it stays short. */
export function embedSnippet(publicUrl: string, look: WidgetLook): string {
  const attrs: [string, string][] = [['src', `${publicUrl.replace(/\/+$/, '')}/widget.js`]];
  if (look.serviceId) attrs.push(['data-service', look.serviceId]);
  if (look.primary !== defaultLook.primary) attrs.push(['data-primary', look.primary]);
  if (look.radius !== defaultLook.radius) attrs.push(['data-radius', String(look.radius)]);
  if (look.font !== defaultLook.font) attrs.push(['data-font', look.font]);
  if (look.mode !== defaultLook.mode) attrs.push(['data-mode', look.mode]);
  if (look.locale) attrs.push(['data-locale', look.locale]);
  const labels = labelsOf(look);
  if (labels.chooseService !== defaultLook.chooseService) {
    attrs.push(['data-label-choose-service', labels.chooseService]);
  }
  if (labels.book !== defaultLook.book) attrs.push(['data-label-book', labels.book]);
  const lines = attrs.map(([name, value]) => `  ${name}="${attribute(value)}"`);
  return `<script\n${lines.join('\n')}\n></script>`;
}

/** What BookingSync.mount takes (renderer/widget/index.tsx), for the preview. */
export function mountOptions(apiBase: string, look: WidgetLook) {
  return {
    apiBase,
    service: look.serviceId ?? undefined,
    theme: { primary: look.primary, radius: look.radius, font: look.font, mode: look.mode },
    labels: labelsOf(look),
    ...(look.locale ? { locale: look.locale } : {}),
  };
}

/** An emptied label means the widget's own wording, not a blank heading. */
function labelsOf(look: WidgetLook): { chooseService: string; book: string } {
  return {
    chooseService: look.chooseService.trim() || defaultLook.chooseService,
    book: look.book.trim() || defaultLook.book,
  };
}
