// Importing a public list into the register (#/register/import): the CSV
// pasted or read from a file, a reason for the whole import, then a preview
// of what each row would do (create, update which entry, unchanged, or
// rejected with its line and reason). Apply is offered only when no row is
// rejected, and runs all rows or none.
import { useState } from 'preact/hooks';
import { Alert, Field } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { IMPORT_COLUMNS, registerApi, type ImportReport } from '../../registerApi';
import { href } from '../../router';
import { generalText } from '../casework/common';
import { StatusBadge } from './common';

const COLUMNS = IMPORT_COLUMNS.join(', ');

export function ImportPage() {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const split = err ? splitError(t, err, ['csv', 'reason']) : null;

  const run = async (apply: boolean) => {
    if (busy) return;
    setBusy(true);
    setErr(null);
    try {
      if (apply) {
        setApplied(await registerApi.applyImport(csv, reason.trim()));
        setPreview(null);
      } else {
        setPreview(await registerApi.previewImport(csv, reason.trim()));
        setApplied(null);
      }
    } catch (ex) {
      setErr(ex);
      focusFirstError();
    }
    setBusy(false);
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(
      (text) => {
        setCsv(text);
        setPreview(null);
      },
      () => {},
    );
  };

  return (
    <section aria-labelledby="page-title" class="reg-import">
      <p>
        <a href={href('/register')}>{t('register.back')}</a>
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {t('register.import_title')}
      </h1>
      <p class="lead">{t('register.import_intro')}</p>
      <form
        class="card"
        noValidate
        aria-labelledby="page-title"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
        <Field name="csv-file" label={t('register.import_file')}>
          {(c) => <input {...c} type="file" accept=".csv,text/csv" onChange={(e) => readFile(e.currentTarget.files?.[0])} />}
        </Field>
        <Field name="csv" label={t('register.import_csv')} hint={t('register.import_columns', { columns: COLUMNS })} error={split?.fields['csv']}>
          {(c) => (
            <textarea
              {...c}
              rows={10}
              value={csv}
              onInput={(e) => {
                setCsv(e.currentTarget.value);
                setPreview(null);
              }}
            />
          )}
        </Field>
        <Field name="import-reason" label={t('register.reason')} hint={t('register.import_reason_hint')} error={split?.fields['reason']}>
          {(c) => (
            <input
              {...c}
              type="text"
              dir="auto"
              maxLength={4000}
              value={reason}
              onInput={(e) => {
                setReason(e.currentTarget.value);
                setPreview(null);
              }}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('common.loading') : t('register.preview')}
          </button>
          {preview && preview.rejected === 0 ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void run(true)}>
              {t('register.apply')}
            </button>
          ) : null}
        </div>
      </form>
      {applied ? (
        <Alert kind="success">
          {t('register.applied', { created: applied.created, updated: applied.updated, unchanged: applied.unchanged })}
        </Alert>
      ) : null}
      {preview ? <Preview report={preview} /> : null}
    </section>
  );
}

function Preview({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('register.preview_title')}</h2>
      <p role="status">
        {t('register.preview_counts', {
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
        })}
      </p>
      {report.rejected > 0 ? <Alert kind="error">{t('register.preview_rejected')}</Alert> : null}
      <table class="cases">
        <thead>
          <tr>
            <th scope="col">{t('register.col_line')}</th>
            <th scope="col">{t('register.col_action')}</th>
            <th scope="col">{t('register.col_name')}</th>
            <th scope="col">{t('register.col_change')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.line} class={`import-${r.action}`}>
              <td>{r.line}</td>
              <td>
                <strong>{t(`register_import.${r.action}`)}</strong>
                {r.entry_id ? (
                  <>
                    {' '}
                    <a href={href(`/register/${r.entry_id}`)}>{t('register.entry_number', { id: r.entry_id })}</a>
                  </>
                ) : null}
                {r.matched_by ? <div class="small muted">{t(`register_matched.${r.matched_by}`)}</div> : null}
              </td>
              <td dir="auto">{r.name ?? ''}</td>
              <td>
                {r.error ? (
                  <span class="field-error">
                    {r.error.field ? `${r.error.field}: ` : ''}
                    <span lang="en">{r.error.message}</span>
                  </span>
                ) : r.status_change && r.from_status && r.to_status ? (
                  <>
                    <StatusBadge status={r.from_status} /> {'→'} <StatusBadge status={r.to_status} />
                  </>
                ) : r.to_status ? (
                  <StatusBadge status={r.to_status} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
