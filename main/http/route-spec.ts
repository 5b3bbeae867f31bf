// One description per public route: the zod schemas its handler parses with, its answers, and who
// may call it. The listener is mounted from these and /docs/openapi.json is written from them, so
// the documentation cannot drift from what the code accepts.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import { ValidationError, type FieldIssue } from '../core/errors.js';
import { SerializedJson } from './serialized-json.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** What the body is when it is not JSON, e.g. a webhook's TwiML; documented without a schema. */
  mediaType?: string;
  /** Response headers worth documenting, e.g. Retry-After on 429. */
  headers?: Record<string, string>;
}

export interface HeaderSpec {
  name: string;
  description: string;
  /** Documented as required (a webhook's signature); optional unless said. */
  required?: boolean;
  schema: z.ZodType;
}

/** Who may call a route and which shared guards it passes through. */
export interface Access {
  /** Open to pages on any origin (the widget runs on the business's own website). */
  cors: boolean;
  /** Needs `Authorization: Bearer <admin API key>`. */
  adminKey: boolean;
  /** Counts against the per-client limit on booking writes. */
  bookingWrite: boolean;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
}

export interface RouteAnswer {
  status: number;
  /** A value to send as JSON, or JSON already written (an answer kept in a cache). */
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * What /docs says about a route. Routes that take JSON are mounted from a RouteSpec; a provider's
 * webhook (a form or raw signed bytes, its own parser) registers itself but still reads its path
 * and schemas from one of these, so it is documented from what its handler uses.
 */
export interface RouteDoc<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: Method;
  /** OpenAPI form, `{name}` for a path parameter: `/api/bookings/{manage_token}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** How the body is sent; JSON unless said otherwise. */
  bodyMediaType?: 'application/json' | 'application/x-www-form-urlencoded';
  headers?: HeaderSpec[];
  responses: Record<number, ResponseSpec>;
}

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> extends RouteDoc<P, Q, B> {
  handle(
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
  ): RouteAnswer | Promise<RouteAnswer>;
}

/** The handler's input types come from the schemas; the list of routes forgets them. */
export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  // Sound at run time: mount() parses with exactly these schemas before calling handle().
  return spec as unknown as AnyRoute;
}

/** Bad input named exactly as the client sent it, so it is passed on untranslated. */
export class ClientInputError extends ValidationError {}

/** Field paths as the client spelled them; a problem with the whole body or query says which. */
function issuesOf(error: z.ZodError, whole: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    // A misspelt field (staffId for staff_id) is named itself, not as a fault of its parent.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join('.'),
        message: 'is not a field of this request',
      }));
    }
    return [
      { field: issue.path.length > 0 ? issue.path.join('.') : whole, message: issue.message },
    ];
  });
}

/** Params, query and body are checked together, so one answer lists every field at fault. */
function parseInput(route: AnyRoute, request: FastifyRequest) {
  const issues: FieldIssue[] = [];
  const take = (schema: z.ZodType | undefined, value: unknown, whole: string): unknown => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    issues.push(...issuesOf(result.error, whole));
    return undefined;
  };
  const input = {
    params: take(route.params, request.params, 'path'),
    query: take(route.query, request.query, 'query'),
    body: take(route.body, request.body, 'body'),
    request,
  };
  if (issues.length > 0) throw new ClientInputError(issues);
  return input;
}

/** `/api/bookings/{manage_token}` → `/api/bookings/:manage_token` */
export function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** A matcher for the concrete request paths a route answers, for guards that run before routing. */
export function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

export interface Guards {
  adminKey: onRequestAsyncHookHandler;
  bookingWrite: onRequestAsyncHookHandler;
}

export function mount(server: FastifyInstance, routes: AnyRoute[], guards: Guards): void {
  for (const route of routes) {
    const onRequest: onRequestAsyncHookHandler[] = [];
    if (route.access.adminKey) onRequest.push(guards.adminKey);
    if (route.access.bookingWrite) onRequest.push(guards.bookingWrite);
    server.route({
      method: route.method,
      url: fastifyPath(route.path),
      onRequest,
      handler: async (request, reply) => {
        const answer = await route.handle(parseInput(route, request));
        if (answer.headers) reply.headers(answer.headers);
        if (answer.body instanceof SerializedJson) {
          return answer.body.send(request, reply, answer.status);
        }
        return reply.status(answer.status).send(answer.body);
      },
    });
  }
}
