// The public API's error shape `{ error: { code, message, details } }` and the HTTP status per code.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../preload/contract.js';
import { AppError, toErrorBody } from '../errors.js';

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  POLICY: 422,
  INTEGRATION: 502,
  INTERNAL: 500,
};

export function errorReply(error: ErrorBody): { status: number; body: { error: ErrorBody } } {
  return { status: httpStatusOf[error.code], body: { error } };
}

/** Maps thrown errors to the shape; Fastify's own 4xx (bad JSON, too large) keep their status. */
export function installErrorHandler(
  app: FastifyInstance,
  log: (message: string, error: unknown) => void,
): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof AppError) {
      const { status, body } = errorReply(error.toBody());
      return reply.status(status).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
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
