import { useState } from 'preact/hooks';
import { api } from '../api';
import { Alert } from '../components/Field';
import { ExistingRecords } from '../components/ExistingRecords';
import { AssigneeField, PERSON_FIELDS, PersonFields, emptyDraft, validateDraft } from '../components/PersonForm';
import { splitError, type FieldErrors } from '../errors';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { useOrgUsers, useUser } from '../session';
import { focusFirstError } from '../focus';
import { setFlash } from '../flash';
import { worksCases } from '../permissions';

const FIELDS = [...PERSON_FIELDS, 'assignee_id'];

export function NewCase() {
  const { t } = useI18n();
  const user = useUser();
  const users = useOrgUsers(user.id);
  const [draft, setDraft] = useState(emptyDraft);
  const [assignee, setAssignee] = useState(String(user.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setGeneral(null);
    const { person, errors: found } = validateDraft(draft, t);
    setErrors(found);
    if (!person) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const created = await api.createCase(assignee ? { person, assignee_id: Number(assignee) } : { person });
      setFlash('case.created_notice');
      navigate(href(`/cases/${created.id}`), true);
    } catch (err) {
      const split = splitError(t, err, FIELDS);
      setErrors(split.fields);
      setGeneral(split.general ? (split.detail ? `${split.general} ${t('error.detail', { detail: split.detail })}` : split.general) : null);
      setBusy(false);
      focusFirstError();
    }
  };

  if (!worksCases(user.role)) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('newcase.title')}
        </h1>
        <p>{t('newcase.not_allowed')}</p>
        <p>
          <a href={href('/cases')}>{t('nav.back_to_cases')}</a>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="page-title">
      <p class="back">
        <a href={href('/cases')}>{t('nav.back_to_cases')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('newcase.title')}
      </h1>
      <p class="lead">{t('newcase.intro')}</p>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <PersonFields draft={draft} onChange={setDraft} errors={errors} />
        <ExistingRecords draft={draft} />
        <fieldset>
          <legend>{t('case.handling')}</legend>
          <div class="grid">
            <AssigneeField value={assignee} onChange={setAssignee} users={users} me={user} error={errors['assignee_id']} />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.saving') : t('newcase.submit')}
          </button>
          <a class="button" href={href('/cases')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
