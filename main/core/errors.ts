// Typed failures that cross the contract. Each carries one of the stable codes of DESIGN.md §3 and,
// where a field is at fault, its path, so the UI and the public API can point at it.
import type { ErrorBody, ErrorCode } from '../../preload/contract/index.js';

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION';
  constructor(
    readonly issues: FieldIssue[],
    message = issues.map((i) => `${i.field}: ${i.message}`).join('; '),
  ) {
    super(message, { fields: issues });
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id ${id}`, { entity, id });
  }
}

/** The slot (or idempotency key) is already taken by something else. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
}

/** The request is well-formed but the business's rules forbid it (cut-off, notice, status). */
export class PolicyError extends AppError {
  override readonly name = 'PolicyError';
  readonly code = 'POLICY';
}

export class IntegrationError extends AppError {
  override readonly name = 'IntegrationError';
  readonly code = 'INTEGRATION';
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  // Never leak internals (stack, SQL) across the boundary.
  return { code: 'INTERNAL', message: 'Something went wrong inside BookingSync.', details: {} };
}
