// A form's draft and its errors by field, kept the same way by every desk form: the draft is
// edited a field at a time, checked with the contract's zod schema, sent, and whatever the
// schema or the core refused is shown at its field (formErrors.tsx).
import { useState } from 'react';
import type { z } from 'zod';
import { fieldError, fromRpc, fromZod, noErrors, type FormErrors } from './formErrors.js';

export function useFormDraft<D extends object>(initial: D | (() => D), testPrefix: string) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /** A field's error as an input's `error` prop. */
  const err = (field: string) => fieldError(errors, field, testPrefix);

  /**
   * Sends what the schema accepted, clears the errors and hands the answer to `done`; a refusal
   * by the schema or by the core is shown at its field instead.
   */
  async function send<T, R>(
    parsed: z.ZodSafeParseResult<T>,
    request: (input: T) => Promise<R>,
    done: (answer: R) => void,
  ): Promise<void> {
    if (!parsed.success) {
      setErrors(fromZod(parsed.error));
      return;
    }
    try {
      const answer = await request(parsed.data);
      setErrors(noErrors);
      done(answer);
    } catch (error) {
      setErrors(fromRpc(error));
    }
  }

  return { draft, setDraft, set, errors, setErrors, err, send };
}
