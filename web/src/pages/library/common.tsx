// Shared by the library screens: the status badge, file sizes, the list of
// codes as names, and a group of checkboxes under one legend.
import { fieldId } from '../../components/Field';
import { countryName, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import type { LibraryDocument } from '../../libraryApi';
import './library.css';

export function DocStatus({ doc }: { doc: LibraryDocument }) {
  const { t } = useI18n();
  return doc.status === 'withdrawn' ? (
    <span class="badge badge--withdrawn">{t('library.withdrawn')}</span>
  ) : (
    <span class="badge badge--open">{t('library.published')}</span>
  );
}

export function fileSize(bytes: number, tag: string): string {
  return bytes < 1024 ? `${formatNumber(bytes, tag)} B` : `${formatNumber(Math.ceil(bytes / 1024), tag)} KiB`;
}

export function countriesText(codes: string[], tag: string): string {
  return codes.map((c) => countryName(c, tag)).join(', ');
}

interface GroupProps {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: string[];
  onChange: (values: string[]) => void;
}

// Several choices under one legend; the error is read with each box.
export function CheckboxGroup({ name, legend, hint, error, options, values, onChange }: GroupProps) {
  const id = fieldId(name);
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const { t } = useI18n();
  return (
    <fieldset class={`choices choices--inline${error ? ' field--invalid' : ''}`} id={id}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div class="choice-list">
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={values.includes(o.value)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={describedBy}
              onChange={(e) =>
                onChange(e.currentTarget.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
              }
            />
            <span dir="auto">{o.label}</span>
          </label>
        ))}
      </div>
      {options.length === 0 ? <p class="muted">{t('common.loading')}</p> : null}
    </fieldset>
  );
}
