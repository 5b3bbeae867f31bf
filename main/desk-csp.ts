// The desk UI's Content-Security-Policy, one for both hosts: server mode's admin listener and the
// Electron window's app:// scheme serve the same bundle under the same rules.

/**
 * No inline script, no eval, nothing remote except the public listener on this machine, whose
 * widget.js the settings screen previews (talking to its API). Mantine injects <style> elements
 * (its CSS variables), hence 'unsafe-inline' for styles alone.
 */
export function deskContentSecurityPolicy(widgetOrigin: string | null): string {
  const widget = widgetOrigin ? ` ${widgetOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${widget}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${widget}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
