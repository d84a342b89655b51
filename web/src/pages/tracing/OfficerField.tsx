// Choosing a request's tracing officer: a user of the organisation who may
// trace families (the server checks the same), the reader marked as such.
import type { OrgUser, UserRef } from '../../api';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n';
import { tracesFamilies } from '../../permissions';

export function OfficerField({
  value,
  onChange,
  users,
  me,
  current,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  users: OrgUser[] | null;
  me: UserRef;
  current?: UserRef;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const options: UserRef[] = (users ?? []).filter((u) => tracesFamilies(u.role));
  // The reader and the current officer stay choosable when the list could not be loaded.
  for (const extra of [me, current]) {
    if (extra && !options.some((u) => u.id === extra.id)) options.push({ id: extra.id, display_name: extra.display_name });
  }
  options.sort((a, b) => a.display_name.localeCompare(b.display_name));
  return (
    <Field name="officer_id" label={t('tracing.officer')} hint={t('tracing.officer_hint')} error={error}>
      {(c) => (
        <select {...c} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {options.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {u.id === me.id ? t('tracing.officer_me', { name: u.display_name }) : u.display_name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
