// The register (#/register): "check a job offer" for every member (a name,
// a company, a phone number, a chat handle, a website, or the advert
// pasted), each result with its status and how it matched (a name in another
// script or spelling with the engine's probability). Those who may see
// details also get the list of entries with its filters; editors the links
// to a new entry and to the import.
import { useState } from 'preact/hooks';
import { Alert, Field } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { EXPORT_URL, QUERY_FIELDS, registerApi, type CheckQuery, type CheckResult, type QueryField } from '../../registerApi';
import { href } from '../../router';
import { generalText } from '../casework/common';
import { EntryList } from './EntryList';
import { KindLine, SourceLine, StatusBadge, StatusSince, entryTitle, useAccess } from './common';

const LINE_FIELDS = QUERY_FIELDS.filter((f) => f !== 'text');
const MAX: Record<QueryField, number> = { name: 300, company: 300, phone: 50, handle: 100, website: 300, text: 10000 };

export function RegisterHome() {
  const { t } = useI18n();
  const level = useAccess();
  const [form, setForm] = useState<Record<QueryField, string>>({ name: '', company: '', phone: '', handle: '', website: '', text: '' });
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const split = err ? splitError(t, err, [...QUERY_FIELDS]) : null;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const q: CheckQuery = {};
    for (const f of QUERY_FIELDS) if (form[f].trim()) q[f] = form[f].trim();
    setBusy(true);
    setErr(null);
    try {
      setResult(await registerApi.check(q));
    } catch (ex) {
      setErr(ex);
      setResult(null);
      focusFirstError();
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="page-title" class="register-check">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('register.title')}
        </h1>
        {level === 'edit' ? (
          <div class="actions">
            <a class="button primary" href={href('/register/new')}>
              {t('register.new_entry')}
            </a>
            <a class="button" href={href('/register/import')}>
              {t('register.import')}
            </a>
          </div>
        ) : null}
      </div>
      <p class="lead">{t('register.intro')}</p>
      <form class="card" onSubmit={submit} noValidate aria-labelledby="check-title">
        <h2 id="check-title">{t('register.check_title')}</h2>
        <p class="hint">{t('register.check_hint')}</p>
        {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
        <div class="fields">
          {LINE_FIELDS.map((f) => (
            <Field key={f} name={`check-${f}`} label={t(`register_query.${f}`)} error={split?.fields[f]}>
              {(c) => (
                <input
                  {...c}
                  type="text"
                  inputMode={f === 'phone' ? 'tel' : undefined}
                  dir="auto"
                  maxLength={MAX[f]}
                  value={form[f]}
                  onInput={(e) => setForm((x) => ({ ...x, [f]: e.currentTarget.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <Field name="check-text" label={t('register_query.text')} hint={t('register.text_hint')} error={split?.fields['text']}>
          {(c) => (
            <textarea
              {...c}
              rows={5}
              dir="auto"
              maxLength={MAX.text}
              value={form.text}
              onInput={(e) => setForm((x) => ({ ...x, text: e.currentTarget.value }))}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('register.checking') : t('register.check')}
          </button>
        </div>
      </form>
      {result ? <Results result={result} /> : null}
      {level === 'details' || level === 'edit' ? <EntryList /> : null}
      <p>
        <a href={new URL(EXPORT_URL.slice(1), document.baseURI).pathname} download="register.csv">
          {level === 'check' ? t('register.export_public') : t('register.export')}
        </a>
      </p>
    </section>
  );
}

function Results({ result }: { result: CheckResult }) {
  const { t } = useI18n();
  const found = result.extracted;
  const any = found.phones.length + found.handles.length + found.websites.length > 0;
  return (
    <section aria-labelledby="results-title" class="reg-check-results">
      <h2 id="results-title">{t('register.results_title')}</h2>
      {any ? (
        <p class="small">
          {t('register.found_in_text', {
            items: [...found.phones, ...found.handles, ...found.websites].join(', '),
          })}
        </p>
      ) : null}
      <p role="status" class="summary">
        {result.items.length === 0 ? t('register.no_match') : t('register.match_count', { count: result.items.length })}
      </p>
      {result.items.length === 0 ? <p class="note">{t('register.no_match_note')}</p> : null}
      <ol class="reg-results">
        {result.items.map(({ entry, matches }) => (
          <li key={entry.id} class="card" data-entry-id={entry.id}>
            <h3>
              <StatusBadge status={entry.status} />{' '}
              {entry.detail ? (
                <a href={href(`/register/${entry.id}`)} dir="auto">
                  {entryTitle(t, entry)}
                </a>
              ) : null}
            </h3>
            <p class="small">
              <KindLine entry={entry} />
              <br />
              <StatusSince entry={entry} />
              <br />
              {t('register.source')}: <SourceLine source={entry.source} />
            </p>
            <p class="small">{t('register.how_matched')}</p>
            <ul class="reg-matches small">
              {matches.map((m, i) => (
                <li key={i} data-how={m.how}>
                  {m.agreement && m.query_value
                    ? t('register.match_line_name', {
                        query: t(`register_query.${m.query_field}`),
                        value: m.query_value,
                        field: t(`register_field.${m.entry_field}`),
                        how: t(`register_how.${m.how}`),
                        agreement: t(`register_agreement.${m.agreement}`),
                        percent: `${Math.round((m.probability ?? 0) * 100)}%`,
                      })
                    : m.query_value
                    ? t('register.match_line', {
                        query: t(`register_query.${m.query_field}`),
                        value: m.query_value,
                        field: t(`register_field.${m.entry_field}`),
                        how: t(`register_how.${m.how}`),
                      })
                    : t('register.match_line_text', {
                        field: t(`register_field.${m.entry_field}`),
                        how: t(`register_how.${m.how}`),
                      })}
                </li>
              ))}
            </ul>
            {matches.some((m) => m.agreement) ? <p class="small note">{t('register.name_match_note')}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
