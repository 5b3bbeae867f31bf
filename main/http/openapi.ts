// /docs/openapi.json, written from the route descriptions and the very zod schemas the handlers
// parse with (zod 4's own z.toJSONSchema), so the reference cannot say anything the code does not do.
import { z } from 'zod';
import { failure } from './public-schemas.js';
import type { ResponseSpec, RouteDoc } from './route-spec.js';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<
    string,
    {
      description: string;
      headers?: Record<string, { description: string; schema: JsonSchema }>;
      content?: Record<string, { schema?: JsonSchema }>;
    }
  >;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, JsonSchema> };
}

/**
 * Input schemas are documented as a client writes them (defaults make a field optional); output
 * schemas as we answer, without `additionalProperties: false`, because new fields may be added
 * to answers (DESIGN.md §5: add freely, rename none).
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema;
      if (io === 'output') delete json.additionalProperties;
      // z.int()'s safe-integer bounds say nothing a reader needs.
      if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
      if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
    },
  });
  return rest;
}

interface ObjectSchema {
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Each property of a params or query object becomes one OpenAPI parameter. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): OpenApiParameter[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as ObjectSchema;
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * What the listener answers before a route's handler runs, in the same `{ error }` shape
 * (http/errors.ts): Fastify's router refusing a path parameter it cannot read, and its body
 * parsers refusing a body. Derived from the route's shape so that no route can forget them; a
 * route's own entry for the same status (the Stripe webhook's 400) says it better and wins.
 */
function answersBeforeHandler(route: RouteDoc): Record<number, ResponseSpec> {
  const answers: Record<number, ResponseSpec> = {};
  const hasParams = /\{\w+\}/.test(route.path);
  const unreadable = [
    ...(route.body
      ? ['the body is not valid JSON (or empty with Content-Type: application/json)']
      : []),
    ...(hasParams ? ['a path parameter has a malformed %-escape'] : []),
  ];
  if (unreadable.length > 0) {
    answers[400] = failure(`Unreadable request: ${unreadable.join(', or ')}`);
  }
  if (route.body) {
    answers[413] = failure('The body is larger than this route accepts');
    answers[415] = failure(
      `The Content-Type is not one this route reads (send ${route.bodyMediaType ?? 'application/json'})`,
    );
  }
  if (hasParams) answers[414] = failure('A path parameter is longer than 100 characters');
  return answers;
}

function operationOf(route: RouteDoc): OpenApiOperation {
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query, 'query'),
    ...(route.headers ?? []).map((h) => ({
      name: h.name,
      in: 'header' as const,
      required: h.required ?? false,
      description: h.description,
      schema: jsonSchema(h.schema, 'input'),
    })),
  ];
  const responses: OpenApiOperation['responses'] = {};
  for (const [status, response] of Object.entries({
    ...answersBeforeHandler(route),
    ...route.responses,
  })) {
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'integer' } },
              ]),
            ),
          }
        : {}),
      ...(response.schema
        ? {
            content: {
              [response.mediaType ?? 'application/json']: {
                schema: jsonSchema(response.schema, 'output'),
              },
            },
          }
        : response.mediaType
          ? { content: { [response.mediaType]: {} } }
          : {}),
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    parameters,
    ...(route.body
      ? {
          requestBody: {
            required: !route.body.safeParse(undefined).success,
            content: {
              [route.bodyMediaType ?? 'application/json']: {
                schema: jsonSchema(route.body, 'input'),
              },
            },
          },
        }
      : {}),
    responses,
    ...(route.access.adminKey ? { security: [{ adminApiKey: [] }] } : {}),
  };
}

export function openApiDocument(routes: readonly RouteDoc[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'BookingSync public API',
      version: '1',
      description:
        'Booking routes are open to any origin (CORS) for the widget. JSON is snake_case; every ' +
        'error is { "error": { "code", "message", "details" } } with code one of VALIDATION, ' +
        'NOT_FOUND, CONFLICT, POLICY, INTEGRATION, INTERNAL. Booking writes are rate-limited ' +
        'per client (429 with Retry-After). Customer routes need an admin API key, created in ' +
        'the app\'s settings, sent as "Authorization: Bearer bs_live_…"; without one they answer ' +
        '401 with code POLICY.',
    },
    paths,
    components: {
      securitySchemes: {
        adminApiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An admin API key (bs_live_…) from the settings screen',
        },
      },
    },
  };
}
