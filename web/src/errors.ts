// Turns thrown errors into translated text, placed next to the field the API
// named in `error.field` when the form shows that field.
import { ApiError } from './api';
import type { T } from './i18n';

export type FieldErrors = Record<string, string>;

export function errorMessage(t: T, err: unknown): string {
  if (err instanceof ApiError) return t(`error.${err.code}`);
  return t('error.bad_response');
}

// Finds the form field an API `field` path belongs to: exact, or a sub-path such
// as `person.citizenship[1]` for the `person.citizenship` input.
export function matchField(apiField: string, fields: readonly string[]): string | undefined {
  return fields.find(
    (f) => apiField === f || apiField.startsWith(`${f}[`) || apiField.startsWith(`${f}.`),
  );
}

export interface SplitError {
  fields: FieldErrors;
  general: string | null;
  detail: string;
}

export function splitError(t: T, err: unknown, fields: readonly string[]): SplitError {
  const detail = err instanceof ApiError ? err.detail : '';
  if (err instanceof ApiError && err.field) {
    const f = matchField(err.field, fields);
    if (f) {
      const text = err.code === 'invalid_argument' ? t('error.field_invalid') : t(`error.${err.code}`);
      return { fields: { [f]: detail ? `${text} ${t('error.detail', { detail })}` : text }, general: null, detail };
    }
  }
  return { fields: {}, general: errorMessage(t, err), detail };
}
