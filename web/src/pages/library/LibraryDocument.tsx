// One library document (#/library/42): its status (and why it was withdrawn),
// every version newest first with its language, countries, parties, date,
// summary, SHA-256 and a download link; for the secretariat, forms to add a
// version and to withdraw. Both send the version the page was read at.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field } from '../../components/Field';
import { ConflictAlert, RecordPending, useRecord } from '../../components/RecordPage';
import { errorMessage, splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { formatDate, formatDateTime, languageName } from '../../format';
import { useI18n } from '../../i18n';
import { downloadHref, libraryApi, type LibraryDocument as Doc } from '../../libraryApi';
import { publishesLibrary } from '../../permissions';
import { href } from '../../router';
import { useUser } from '../../session';
import { DocStatus, countriesText, fileSize } from './common';
import { EMPTY_VERSION, VERSION_FIELDS, VersionFields, localErrors, toInput } from './VersionFields';

function AddVersion({ doc, onDone, onConflict }: { doc: Doc; onDone: (d: Doc) => void; onConflict: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(EMPTY_VERSION);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const local = localErrors(t, draft);
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return focusFirstError();
    setBusy(true);
    try {
      onDone(await libraryApi.addVersion(doc.id, doc.version, await toInput(draft)));
      setDraft(EMPTY_VERSION);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') return onConflict();
      const split = splitError(t, err, VERSION_FIELDS);
      setErrors(split.fields);
      setGeneral(split.general);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card library-form" onSubmit={submit} noValidate aria-labelledby="add-version-title">
      <h2 id="add-version-title">{t('library.add_version_title')}</h2>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <VersionFields value={draft} onChange={setDraft} errors={errors} showParties={doc.kind === 'mou' || doc.kind === 'sop'} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('common.saving') : t('library.add_version')}
        </button>
      </div>
    </form>
  );
}

function Withdraw({ doc, onDone, onConflict }: { doc: Doc; onDone: (d: Doc) => void; onConflict: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('library.e_reason'));
      return focusFirstError();
    }
    setBusy(true);
    try {
      onDone(await libraryApi.withdraw(doc.id, doc.version, reason.trim()));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') return onConflict();
      setError(splitError(t, err, ['reason']).fields.reason ?? errorMessage(t, err));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card library-form" onSubmit={submit} noValidate aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('library.withdraw_title')}</h2>
      <p class="hint">{t('library.withdraw_hint')}</p>
      <Field name="reason" label={t('library.f_reason')} error={error} required requiredText={t('common.required')}>
        {(c) => <textarea {...c} rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="button danger" disabled={busy}>
          {busy ? t('common.saving') : t('library.withdraw')}
        </button>
      </div>
    </form>
  );
}

export function LibraryDocument({ id, published }: { id: number; published?: boolean }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const [notice, setNotice] = useState<string | null>(published ? 'library.published_notice' : null);
  const [conflict, setConflict] = useState(false);

  const { load, reload: fetch, set } = useRecord(() => libraryApi.get(id), id, () => setConflict(false));

  const back = (
    <p class="back">
      <a href={href('/library')}>{t('library.back')}</a>
    </p>
  );
  if (load.kind !== 'ready') {
    return (
      <RecordPending
        load={load}
        back={back}
        title={t('library.title')}
        notFoundTitle={t('library.not_found')}
        onRetry={() => void fetch()}
      />
    );
  }

  const d = load.value;
  const changed = (key: string) => (updated: Doc) => {
    set(updated);
    setNotice(key);
  };
  const onConflict = () => {
    setConflict(true);
    setNotice(null);
  };
  return (
    <section aria-labelledby="page-title" class="library">
      {back}
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} dir="auto">
          {d.title}
        </h1>
        <span class="badge badge--neutral">{t(`library_kind.${d.kind}`)}</span>
        <DocStatus doc={d} />
      </div>
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      {conflict ? <ConflictAlert message={t('library.conflict')} reloadLabel={t('library.reload')} onReload={() => void fetch()} /> : null}
      {d.withdrawn ? (
        <div class="alert alert--info" role="note">
          <p>
            <strong>{t('library.withdrawn_by', { who: d.withdrawn.by.display_name, time: formatDateTime(d.withdrawn.at, tag) })}</strong>
          </p>
          <p dir="auto" class="multiline">
            {d.withdrawn.reason}
          </p>
        </div>
      ) : null}

      <h2>{t('library.versions')}</h2>
      <ol class="library-versions" reversed>
        {d.versions.map((v) => (
          <li key={v.id} class="card">
            <h3>{t('library.version_n', { number: v.number })}</h3>
            <dl class="facts">
              <div>
                <dt>{t('library.f_language')}</dt>
                <dd>{languageName(v.language, tag)}</dd>
              </div>
              <div>
                <dt>{t('library.f_countries')}</dt>
                <dd>{countriesText(v.countries, tag)}</dd>
              </div>
              {v.organisations.length ? (
                <div>
                  <dt>{t('library.f_parties')}</dt>
                  <dd dir="auto">{v.organisations.map((o) => o.name).join('; ')}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('library.f_effective')}</dt>
                <dd>{formatDate(v.effective_date, tag)}</dd>
              </div>
              <div>
                <dt>{t('library.published_by')}</dt>
                <dd>{t('library.published_line', { who: v.published_by.display_name, time: formatDateTime(v.published_at, tag) })}</dd>
              </div>
              <div>
                <dt>{t('library.sha256')}</dt>
                <dd>
                  <code class="hash">{v.sha256}</code>
                </dd>
              </div>
            </dl>
            {v.summary ? (
              <p class="multiline" dir="auto">
                {v.summary}
              </p>
            ) : null}
            <p>
              <a class="button" href={downloadHref(d.id, v.id)} download={v.filename}>
                {t('library.download', { file: v.filename, size: fileSize(v.size, tag) })}
              </a>
            </p>
          </li>
        ))}
      </ol>

      {publishesLibrary(user.role) && d.status === 'published' ? (
        <>
          <AddVersion key={`v${d.version}`} doc={d} onDone={changed('library.version_added')} onConflict={onConflict} />
          <Withdraw key={`w${d.version}`} doc={d} onDone={changed('library.withdrawn_notice')} onConflict={onConflict} />
        </>
      ) : null}
    </section>
  );
}
