// The widget's own stylesheet, inside its Shadow DOM: the host page's CSS cannot reach in and
// ours cannot leak out. Mobile first: one column, full-width controls, works at 320 px.

export interface Theme {
  /** Any CSS colour; buttons, focus rings and the chosen slot use it. */
  primary?: string;
  /** Corner radius in px, or any CSS length. */
  radius?: number | string;
  font?: string;
  mode?: 'light' | 'dark';
}

/** Theme values go into custom properties only, and are stripped of anything that ends a rule. */
function safe(value: string): string {
  return value.replace(/[;{}<>]/g, '');
}

export function themeCss(theme: Theme): string {
  const vars: string[] = [];
  // A colour the browser cannot parse would leave chosen buttons without a background.
  if (theme.primary && CSS.supports('color', theme.primary)) {
    vars.push(`--bs-primary:${safe(theme.primary)}`);
  }
  if (theme.radius !== undefined) {
    const r = typeof theme.radius === 'number' ? `${theme.radius}px` : safe(theme.radius);
    vars.push(`--bs-radius:${r}`);
  }
  if (theme.font) vars.push(`--bs-font:${safe(theme.font)}`);
  return vars.length ? `:host{${vars.join(';')}}` : '';
}

// Text links take --bs-link. On the dark background the site's colour is mixed with 65% white:
// whatever colour the site picks, that keeps links above 4.5:1 (the default blue was 3.2:1).
export const baseCss = `
:host{all:initial;display:block;--bs-primary:#2563eb;--bs-radius:8px;
--bs-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--bs-bg:#fff;--bs-fg:#1f2937;
--bs-muted:#5b6472;--bs-line:#d1d5db;--bs-soft:#f3f4f6;--bs-err:#b91c1c;--bs-ok:#047857;
--bs-link:var(--bs-primary)}
:host([data-mode=dark]){--bs-bg:#1b1f27;--bs-fg:#e5e7eb;--bs-muted:#a3acb9;--bs-line:#3b4350;
--bs-soft:#262c36;--bs-err:#fca5a5;--bs-ok:#6ee7b7;--bs-link:color-mix(in srgb,var(--bs-primary) 35%,#fff)}
*{box-sizing:border-box}
.bs{font-family:var(--bs-font);font-size:16px;line-height:1.45;color:var(--bs-fg);
background:var(--bs-bg);border:1px solid var(--bs-line);border-radius:var(--bs-radius);
padding:16px;max-width:560px;margin:0 auto;min-width:0}
h2{font-size:1.2rem;margin:0 0 12px;outline:none}
h3{font-size:1rem;margin:16px 0 8px}
p{margin:0 0 12px}
.muted{color:var(--bs-muted);font-size:.9rem}
.list{display:grid;gap:8px;margin:0 0 12px;padding:0;list-style:none}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(84px,1fr));gap:8px;margin:0 0 12px}
.days{display:flex;gap:8px;overflow-x:auto;padding:2px 2px 8px;margin:0 0 8px}
button,.btn{font:inherit;color:inherit;background:var(--bs-soft);border:1px solid var(--bs-line);
border-radius:var(--bs-radius);padding:10px 12px;min-height:44px;cursor:pointer;text-align:left;
text-decoration:none;display:inline-block}
.list button{width:100%;display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
.list .svc{display:grid;grid-template-columns:1fr auto;gap:2px 12px;align-items:baseline}
.svc-price{text-align:right;font-weight:600}
.svc-more{grid-column:1/-1}
.live ul{margin:4px 0 0;padding-left:20px}
.grid button{text-align:center;padding:10px 4px}
.days button{flex:0 0 auto;text-align:center}
button[aria-pressed=true]{background:var(--bs-primary);border-color:var(--bs-primary);color:#fff}
button:focus-visible,.btn:focus-visible,input:focus-visible,textarea:focus-visible{
outline:3px solid var(--bs-primary);outline-offset:2px}
button:disabled{opacity:.6;cursor:progress}
.primary{background:var(--bs-primary);border-color:var(--bs-primary);color:#fff;font-weight:600;
text-align:center}
.row{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:12px 0 0}
.row>*{flex:1 1 auto}
a{color:var(--bs-link)}
.link{background:none;border:none;padding:0;min-height:0;color:var(--bs-link);
text-decoration:underline;flex:0 0 auto}
label{display:block;font-weight:600;margin:12px 0 4px}
.req{color:var(--bs-err);font-weight:400}
input,textarea{font:inherit;color:var(--bs-fg);background:var(--bs-bg);width:100%;
border:1px solid var(--bs-line);border-radius:var(--bs-radius);padding:10px;min-height:44px}
input[aria-invalid=true],textarea[aria-invalid=true]{border-color:var(--bs-err)}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}
.check input{width:20px;height:20px;min-height:0;flex:0 0 auto;margin:2px 0 0}
.ferr{color:var(--bs-err);font-size:.9rem;margin:4px 0 0}
.live:empty{display:none}
.live{border-left:4px solid var(--bs-err);background:var(--bs-soft);padding:8px 12px;margin:0 0 12px}
.live[data-tone=ok]{border-color:var(--bs-ok)}
.summary{background:var(--bs-soft);border-radius:var(--bs-radius);padding:10px 12px;margin:0 0 12px}
.notice{font-size:.9rem;background:var(--bs-soft);border-radius:var(--bs-radius);padding:8px 12px;
margin:0 0 12px}
@media (min-width:600px){.bs{padding:24px}.days{flex-wrap:wrap;overflow:visible}}
`;

/**
 * Constructable stylesheets when the browser has them: a host page's CSP that forbids inline
 * <style> does not apply to them. Older browsers get a <style> element.
 */
export function applyStyles(root: ShadowRoot, theme: Theme): void {
  const css = baseCss + themeCss(theme);
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}
