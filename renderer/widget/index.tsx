// widget.js: the booking widget for any website. Either
//   <script src="https://host/widget.js" data-service="svc_…"></script>
// (mounts right after the script tag, talking to the script's own origin), or
//   BookingSync.mount(element, { apiBase, service, staff, theme, labels, locale }).
// Each mount lives in its own Shadow DOM so the page's CSS and ours never meet.
import { render } from 'react-dom';
import { createApi, type Api } from './api.js';
import { DAYS_AHEAD } from './availability.js';
import { BookingFlow } from './BookingFlow.js';
import { Widget } from './context.js';
import { defaultLabels, type Labels } from './labels.js';
import { ManageBooking } from './ManageBooking.js';
import { applyStyles, type Theme } from './styles.js';
import type { ComponentChildren } from 'preact';

export interface MountOptions {
  /** Where the BookingSync API is; default: the origin widget.js was loaded from. */
  apiBase?: string;
  service?: string;
  staff?: string;
  theme?: Theme;
  labels?: Partial<Labels>;
  /**
   * The language of dates, times and money (BCP 47, e.g. "de-DE"): a site that translates the
   * labels sets it to match them. Default: the visitor's browser language.
   */
  locale?: string;
}

export interface Mounted {
  unmount(): void;
}

/** Read while the script runs: document.currentScript is null afterwards. */
const ownScript = document.currentScript as HTMLScriptElement | null;
const ownOrigin = ownScript?.src ? new URL(ownScript.src).origin : location.origin;

/** A valid BCP 47 tag to send the API; a site's mistyped `locale` is reported, not fatal. */
function localeOf(asked: string | undefined): string {
  // Canonicalising a tag is cheap: it does not load ICU's formatting data.
  const valid = (tag: string | undefined) => {
    try {
      return tag ? (Intl.getCanonicalLocales(tag)[0] ?? null) : null;
    } catch {
      return null;
    }
  };
  const site = valid(asked);
  if (asked && !site) console.warn(`BookingSync: locale "${asked}" is not a BCP 47 tag like en-GB`);
  return site ?? valid(navigator.language) ?? 'en';
}

function mountInto(
  el: Element,
  options: MountOptions,
  app: ComponentChildren,
  prepare?: (api: Api) => void,
): Mounted {
  const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  const theme = options.theme ?? {};
  if (theme.mode) el.setAttribute('data-mode', theme.mode);
  applyStyles(shadow, theme);
  const apiBase = (options.apiBase ?? ownOrigin).replace(/\/+$/, '');
  const locale = localeOf(options.locale);
  const value = {
    api: createApi(apiBase, locale),
    apiBase,
    labels: { ...defaultLabels, ...options.labels },
    locale,
  };
  prepare?.(value.api);
  render(<Widget.Provider value={value}>{app}</Widget.Provider>, shadow);
  return { unmount: () => render(null, shadow) };
}

export function mount(el: Element, options: MountOptions = {}): Mounted {
  return mountInto(el, options, <BookingFlow options={options} />, (api) => {
    if (options.service) {
      api.prefetch({
        service: options.service,
        staff: options.staff,
        days: DAYS_AHEAD,
      });
    }
  });
}

export function mountManage(el: Element, options: MountOptions & { token: string }): Mounted {
  return mountInto(el, options, <ManageBooking token={options.token} />);
}

/**
 * data-service, data-staff, data-locale, data-primary, data-radius, data-font, data-mode and
 * data-label-<key> on the script tag.
 */
function optionsFromScript(script: HTMLScriptElement): MountOptions {
  const d = script.dataset;
  const labels: Partial<Labels> = {};
  for (const key of Object.keys(defaultLabels) as (keyof Labels)[]) {
    const value = d[`label${key.charAt(0).toUpperCase()}${key.slice(1)}`];
    if (value) labels[key] = value;
  }
  const theme: Theme = {};
  if (d.primary) theme.primary = d.primary;
  if (d.radius) theme.radius = /^\d+$/.test(d.radius) ? Number(d.radius) : d.radius;
  if (d.font) theme.font = d.font;
  if (d.mode === 'dark' || d.mode === 'light') theme.mode = d.mode;
  return { service: d.service, staff: d.staff, theme, labels, locale: d.locale };
}

function autoMount(script: HTMLScriptElement): void {
  // data-mount="manual" lets a site load the script and call BookingSync.mount itself.
  if (script.dataset.mount === 'manual') return;
  const el = document.createElement('div');
  el.setAttribute('data-bookingsync', '');
  script.insertAdjacentElement('afterend', el);
  const options = optionsFromScript(script);
  const token = script.dataset.manage;
  if (token) mountManage(el, { ...options, token });
  else mount(el, options);
}

declare global {
  interface Window {
    BookingSync?: { mount: typeof mount; mountManage: typeof mountManage };
  }
}

window.BookingSync = { mount, mountManage };
if (ownScript) autoMount(ownScript);
