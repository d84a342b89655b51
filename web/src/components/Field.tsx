import type { ComponentChildren, JSX } from 'preact';

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
  requiredText?: string;
  class?: string;
  children: (control: ControlProps) => JSX.Element;
}

// A labelled control with an optional hint and an error message that screen
// readers hear together with the control.
export function Field({ name, label, hint, error, required, requiredText, class: cls, children }: FieldProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--invalid' : ''}${cls ? ` ${cls}` : ''}`}>
      <label for={id}>
        {label}
        {required && requiredText ? <span class="required">{` (${requiredText})`}</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children({ id, name, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

interface ChoiceProps<V extends string> {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | '';
  onChange: (v: V) => void;
  hint?: ComponentChildren;
  error?: string | undefined;
  disabled?: boolean;
  inline?: boolean;
}

// A group of radio buttons under a legend, with the same hint and error
// placement as `Field`; the error is part of each button's description.
export function RadioGroup<V extends string>({ name, legend, options, value, onChange, hint, error, disabled, inline }: ChoiceProps<V>) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`choices${inline ? ' choices--inline' : ''}${error ? ' field--invalid' : ''}`} id={id}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div class="choice-list">
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={disabled}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({
  name,
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: string;
  disabled?: boolean;
}) {
  const id = fieldId(name);
  return (
    <div class="field field--check">
      <label class="choice" for={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface SelectProps<V extends string> {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | '';
  onChange: (v: V | '') => void;
  emptyLabel: string;  // the first, empty option ("Choose...")
  error?: string | undefined;
}

// A labelled drop-down of fixed choices with an empty first option, laid out
// and described like `Field`.
export function SelectField<V extends string>({ name, label, options, value, onChange, emptyLabel, error }: SelectProps<V>) {
  return (
    <Field name={name} label={label} error={error}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.currentTarget.value as V | '')}>
          <option value="">{emptyLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
