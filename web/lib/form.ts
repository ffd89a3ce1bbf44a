import type { z } from 'zod';
import { type FieldError, toFieldErrors } from '../../contracts/http';
import { ApiError } from './api';

/** Everything a form shows about a failed attempt: the overall message and each field's message. */
export interface FormErrors {
  message: string | null;
  items: FieldError[];
}

export const NO_ERRORS: FormErrors = { message: null, items: [] };

/** Turns what the API client threw (or local checks) into messages for the summary and the fields. */
export function formErrors(error: unknown): FormErrors {
  if (!error) return NO_ERRORS;
  if (error instanceof ApiError) {
    // A 422 without fields, or any other refusal, becomes one message for the whole form.
    return { message: error.message, items: error.fields.filter((f) => f.message) };
  }
  return { message: error instanceof Error ? error.message : String(error), items: [] };
}

/** Checks values against the contract's own schema, with the same Japanese messages as the server. */
export function validate(schema: z.ZodType, values: unknown): FieldError[] {
  const result = schema.safeParse(values);
  return result.success ? [] : toFieldErrors(schema, result.error);
}

/** The message(s) for a field: its own path and anything below it (townNames.2 → townNames). */
export function errorFor(errors: FormErrors, field: string): string | null {
  const messages = errors.items
    .filter((f) => f.path === field || f.path.startsWith(`${field}.`))
    .map((f) => f.message);
  return messages.length > 0 ? [...new Set(messages)].join(' ') : null;
}

/** The id of a field's control in a form, built the same way for the fields and the summary links. */
export function fieldIdFor(formId: string, known: readonly string[]) {
  return (path: string): string | null => {
    const head = path.split('.')[0] ?? '';
    return known.includes(head) ? `${formId}-${head}` : null;
  };
}
