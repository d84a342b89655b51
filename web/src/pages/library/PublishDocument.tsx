// Publishing a document (#/library/new), for the secretariat: its kind and
// title and its first version. On success the new document's page opens.
import { useState } from 'preact/hooks';
import { Alert, Field, SelectField } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { DOCUMENT_KINDS, libraryApi, type DocumentKind } from '../../libraryApi';
import { publishesLibrary } from '../../permissions';
import { href, navigate } from '../../router';
import { useUser } from '../../session';
import { EMPTY_VERSION, VERSION_FIELDS, VersionFields, localErrors, toInput } from './VersionFields';

export function PublishDocument() {
  const { t } = useI18n();
  const user = useUser();
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [title, setTitle] = useState('');
  const [draft, setDraft] = useState(EMPTY_VERSION);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FieldErrors = localErrors(t, draft);
    if (!kind) local.kind = t('library.e_kind');
    if (!title.trim()) local.title = t('library.e_title');
    setGeneral(null);
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError();
    setBusy(true);
    try {
      const doc = await libraryApi.publish(kind as DocumentKind, title.trim(), await toInput(draft));
      navigate(href(`/library/${doc.id}`, { published: 1 }));
    } catch (err) {
      const split = splitError(t, err, ['kind', 'title', ...VERSION_FIELDS]);
      setErrors(split.fields);
      setGeneral(split.general);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="page-title">
      <p class="back">
        <a href={href('/library')}>{t('library.back')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('library.publish_title')}
      </h1>
      {!publishesLibrary(user.role) ? (
        <p>{t('library.publish_not_allowed')}</p>
      ) : (
        <form class="card library-form" onSubmit={submit} noValidate>
          {general ? <Alert kind="error">{general}</Alert> : null}
          <SelectField
            name="kind"
            label={t('library.f_kind')}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`library_kind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v)}
            emptyLabel={t('common.choose')}
            error={errors.kind}
          />
          <Field name="title" label={t('library.f_title')} error={errors.title} required requiredText={t('common.required')}>
            {(c) => <input {...c} maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />}
          </Field>
          <VersionFields value={draft} onChange={setDraft} errors={errors} showParties={kind === 'mou' || kind === 'sop'} />
          <div class="actions">
            <button type="submit" class="button primary" disabled={busy}>
              {busy ? t('common.saving') : t('library.publish')}
            </button>
            <a class="button" href={href('/library')}>
              {t('common.cancel')}
            </a>
          </div>
        </form>
      )}
    </section>
  );
}
