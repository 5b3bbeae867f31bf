// GET /docs: the OpenAPI document as one self-contained HTML page (inline CSS, no script, nothing
// fetched), so it works on a machine without internet and under the listener's strict CSP.
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from './openapi.js';

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const code = (text: string) => `<code>${escape(text)}</code>`;

/** "string, 1–64 chars", "integer ≥ 1", "one of a | b" — what a reader checks before sending. */
function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as JsonSchema[]).map(typeOf).join(' or ');
  }
  if (Array.isArray(schema.enum)) {
    return `one of ${(schema.enum as unknown[]).map((v) => code(String(v))).join(' | ')}`;
  }
  const type = Array.isArray(schema.type)
    ? (schema.type as string[]).join(' or ')
    : typeof schema.type === 'string'
      ? schema.type
      : 'any';
  const notes: string[] = [];
  if (typeof schema.format === 'string') notes.push(schema.format);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    notes.push(`${String(schema.minLength ?? 0)}–${String(schema.maxLength ?? '∞')} chars`);
  }
  if (typeof schema.minimum === 'number') notes.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number') notes.push(`≤ ${schema.maximum}`);
  if (typeof schema.pattern === 'string' && schema.format === undefined) {
    notes.push(`matches ${code(schema.pattern)}`);
  }
  if (schema.default !== undefined) notes.push(`default ${code(JSON.stringify(schema.default))}`);
  if (type === 'array' && schema.items) return `array of ${typeOf(schema.items as JsonSchema)}`;
  return notes.length > 0 ? `${escape(type)} (${notes.join(', ')})` : escape(type);
}

function describe(schema: JsonSchema): string {
  const parts: string[] = [];
  if (typeof schema.description === 'string') parts.push(escape(schema.description));
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    parts.push(`e.g. ${code(JSON.stringify(schema.examples[0]))}`);
  }
  return parts.join(' — ');
}

/** Nested objects as nested lists, so a body's shape reads at a glance. */
function fields(schema: JsonSchema): string {
  const target =
    schema.type === 'array' && schema.items ? (schema.items as JsonSchema) : (schema as JsonSchema);
  const nullable = Array.isArray(target.anyOf)
    ? (target.anyOf as JsonSchema[]).find((s) => s.type === 'object')
    : undefined;
  const object = nullable ?? target;
  const properties = object.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return '';
  const required = new Set((object.required as string[] | undefined) ?? []);
  const items = Object.entries(properties).map(
    ([name, property]) =>
      `<li>${code(name)}${required.has(name) ? '' : ' <span class="opt">optional</span>'} ` +
      `<span class="type">${typeOf(property)}</span> ${describe(property)}${fields(property)}</li>`,
  );
  return `<ul class="fields">${items.join('')}</ul>`;
}

function operation(method: string, path: string, op: OpenApiOperation): string {
  const params = op.parameters.length
    ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>${op.parameters
        .map(
          (p) =>
            `<tr><td>${code(p.name)}${p.required ? ' <span class="req">required</span>' : ''}</td>` +
            `<td>${p.in}</td><td>${typeOf(p.schema)}</td><td>${escape(p.description ?? '')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const [bodyType, bodyContent] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  const body =
    op.requestBody && bodyContent
      ? `<h4>Body${op.requestBody.required ? '' : ' (optional)'} — ${
          bodyType === 'application/json' ? 'JSON' : escape(bodyType ?? '')
        }</h4>${fields(bodyContent.schema)}`
      : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const schema = r.content?.['application/json']?.schema;
      const headers = Object.entries(r.headers ?? {})
        .map(([name, h]) => `<p>Header ${code(name)}: ${escape(h.description)}</p>`)
        .join('');
      const shape = schema && Number(status) < 400 ? fields(schema) : '';
      return `<li><b class="s${status[0] ?? ''}">${status}</b> ${escape(r.description)}${headers}${shape}</li>`;
    })
    .join('');
  const auth = op.security ? '<p class="auth">Needs an admin API key.</p>' : '';
  return `<details id="${escape(op.operationId)}"><summary><span class="m ${method}">${method.toUpperCase()}</span> ${code(path)} — ${escape(op.summary)}</summary>
${op.description ? `<p>${escape(op.description)}</p>` : ''}${auth}${params}${body}<h4>Responses</h4><ul class="responses">${responses}</ul></details>`;
}

const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2129}
code{font:13px ui-monospace,monospace;background:#f1f3f5;padding:0 .25em;border-radius:3px}
details{border:1px solid #dee2e6;border-radius:6px;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer}.m{display:inline-block;min-width:4.2em;font-weight:600}
.get{color:#2b8a3e}.post{color:#1864ab}.patch{color:#e67700}.delete{color:#c92a2a}
.opt{color:#868e96;font-size:12px}.req{color:#c92a2a;font-size:12px}.type{color:#5c5f66}
table{border-collapse:collapse}td,th{border-bottom:1px solid #e9ecef;padding:.2rem .6rem;text-align:left;vertical-align:top}
ul.fields{margin:.2rem 0;padding-left:1.2rem}.s2{color:#2b8a3e}.s4{color:#c92a2a}.auth{color:#e67700}`;

export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation(method, path, op)]);
    }
  }
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('\n')}`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title><style>${style}</style></head>
<body><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description)}</p>
<p>Machine-readable: <a href="/docs/openapi.json">/docs/openapi.json</a> (OpenAPI ${doc.openapi}).</p>
${sections}
</body></html>`;
}
