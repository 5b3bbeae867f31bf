// One shape for "what is wrong with which field", whether the contract's zod schema found it in
// the browser or the core refused the save (VALIDATION with details.fields, CONFLICT with
// details.field). Forms show `byField[name]` under the input and `general` above the buttons.
import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { RpcError } from '../client/rpc.js';

export interface FormErrors {
  byField: Record<string, string>;
  /** What no single field explains (a server refusal without a field). */
  general: string | null;
  code: RpcError['code'] | null;
}

export const noErrors: FormErrors = { byField: {}, general: null, code: null };

export function fromZod(error: z.ZodError): FormErrors {
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'input';
    // The first issue per field is the one to fix first; later ones repeat or follow from it.
    byField[field] ??= issue.message;
  }
  return { byField, general: null, code: 'VALIDATION' };
}

export function fromRpc(error: unknown): FormErrors {
  if (!(error instanceof RpcError)) {
    return { byField: {}, general: String(error), code: 'INTERNAL' };
  }
  const byField: Record<string, string> = {};
  for (const f of error.fields) byField[f.field] ??= f.message;
  // A uniqueness conflict names its one field (e.g. a phone another customer has).
  const field = error.details.field;
  if (typeof field === 'string') byField[field] ??= error.message;
  return {
    byField,
    general: Object.keys(byField).length === 0 ? error.message : null,
    code: error.code,
  };
}

/** A field's error as an input's `error` prop, marked `<prefix>-error-<field>` for tests. Mantine
 * links it to the input with aria-describedby, so a screen reader hears it too. */
export function fieldError(errors: FormErrors, field: string, prefix: string): ReactNode {
  const message = errors.byField[field];
  if (message === undefined) return undefined;
  return (
    <span data-testid={`${prefix}-error-${field}`} data-field={field}>
      {message}
    </span>
  );
}

/**
 * A form that shows its errors the same way everywhere: the server's code on `data-error-code`,
 * a refusal no field explains in an alert above the fields (`<testId>-error`), submit without a
 * page reload.
 */
export function CheckedForm(props: {
  testId: string;
  errors: FormErrors;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}): ReactNode {
  return (
    <form
      data-testid={props.testId}
      data-error-code={props.errors.code ?? undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit();
      }}
    >
      <Stack gap="sm">
        {props.errors.general && (
          <Alert color="red" role="alert" data-testid={`${props.testId}-error`}>
            {props.errors.general}
          </Alert>
        )}
        {props.children}
      </Stack>
    </form>
  );
}
