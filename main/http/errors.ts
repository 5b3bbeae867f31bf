// The public API's error shape `{ error: { code, message, details } }` and the HTTP status per code.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { ErrorBody, ErrorCode } from '../../preload/contract/index.js';
import { AppError, PolicyError, ValidationError, toErrorBody } from '../core/errors.js';

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  POLICY: 422,
  INTEGRATION: 502,
  INTERNAL: 500,
};

/**
 * A refusal that HTTP has its own status for (401 without an API key, 429 over the rate limit)
 * but that keeps one of the six stable codes, POLICY, in the body.
 */
export class HttpPolicyError extends PolicyError {
  constructor(
    readonly status: 401 | 429,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/** Bad input in the request's framing rather than its fields (a header sent twice): a 400. */
export class HttpBadRequestError extends ValidationError {
  readonly status = 400;
}

export function errorReply(error: ErrorBody): { status: number; body: { error: ErrorBody } } {
  return { status: httpStatusOf[error.code], body: { error } };
}

export interface ErrorHandlerOptions {
  /** The body a typed error leaves as, e.g. with fields named as this listener's clients spell them. */
  present?: (error: AppError) => ErrorBody;
}

/** Maps thrown errors to the shape; Fastify's own 4xx (bad JSON, too large) keep their status. */
export function installErrorHandler(
  app: FastifyInstance,
  log: (message: string, error: unknown) => void,
  options: ErrorHandlerOptions = {},
): void {
  const present = options.present ?? ((error: AppError) => error.toBody());
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof AppError) {
      const { status, body } = errorReply(present(error));
      const own =
        error instanceof HttpPolicyError || error instanceof HttpBadRequestError
          ? error.status
          : status;
      return reply.status(own).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own messages ("Body is not valid JSON…") name the problem and nothing internal.
      return reply.status(status).send({
        error: { code: 'VALIDATION', message: error.message, details: { reason: error.code } },
      });
    }
    log('internal error', error);
    return reply.status(500).send({ error: toErrorBody(error) });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

/**
 * For Fastify's `frameworkErrors`: URLs the router cannot read (a bad %-escape, a path segment
 * over 100 characters) are answered before any handler runs, by default in Fastify's own shape.
 */
export function frameworkErrorReply(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 400;
  void reply.status(status >= 400 && status < 500 ? status : 400).send({
    error: {
      code: 'VALIDATION',
      // Not Fastify's message: it quotes the path, which may carry a manage token.
      message: status === 414 ? 'A part of the URL is too long' : 'The URL is malformed',
      details: { reason: error.code },
    },
  });
}

/**
 * For Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them
 * (a URL or headers over 16 KB, bytes that are not HTTP), answered in the same shape.
 */
export function clientErrorReply(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The URL or the headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive']
        : [400, 'Bad Request', 'The request is not valid HTTP'];
  const body = JSON.stringify({ error: { code: 'VALIDATION', message, details: {} } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
