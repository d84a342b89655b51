// The register's entries for those who may see details: filtered by status,
// by "due for review" and by name, each linking to its page.
import { useEffect, useState } from 'preact/hooks';
import { Checkbox, Field, SelectField } from '../../components/Field';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { REGISTER_STATUSES, registerApi, type Entry, type ListQuery, type RegisterStatus } from '../../registerApi';
import { href } from '../../router';
import { LoadError } from '../casework/common';
import { KindLine, StatusBadge, entryTitle, options } from './common';

type State = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; items: Entry[] };

export function EntryList() {
  const { t, tag } = useI18n();
  const [form, setForm] = useState<ListQuery>({ status: '', due_for_review: false, q: '' });
  const [query, setQuery] = useState<ListQuery>(form);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    registerApi.list(query).then(
      (r) => live && setState({ kind: 'ready', items: r.items }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [query, attempt]);

  const submit = (e: Event) => {
    e.preventDefault();
    setQuery({ ...form, q: form.q?.trim() });
  };

  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">{t('register.entries_title')}</h2>
      <form class="card" onSubmit={submit} role="search" aria-label={t('register.filter_label')}>
        <div class="fields">
          <SelectField
            name="list-status"
            label={t('register.f_status')}
            options={options(t, 'register_status', REGISTER_STATUSES)}
            value={form.status ?? ''}
            onChange={(v) => setForm((f) => ({ ...f, status: v as RegisterStatus | '' }))}
            emptyLabel={t('register.any_status')}
          />
          <Field name="list-q" label={t('register.f_name')}>
            {(c) => (
              <input {...c} type="search" dir="auto" maxLength={200} value={form.q ?? ''} onInput={(e) => setForm((f) => ({ ...f, q: e.currentTarget.value }))} />
            )}
          </Field>
        </div>
        <Checkbox
          name="list-due"
          label={t('register.f_due')}
          checked={form.due_for_review ?? false}
          onChange={(v) => setForm((f) => ({ ...f, due_for_review: v }))}
        />
        <div class="actions">
          <button type="submit">{t('register.filter')}</button>
        </div>
      </form>
      {state.kind === 'error' ? <LoadError err={state.err} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      <p class="summary" role="status">
        {state.kind === 'loading' ? t('common.loading') : state.kind === 'ready' ? t('register.entry_count', { count: state.items.length }) : ''}
      </p>
      {state.kind === 'ready' && state.items.length > 0 ? (
        <table class="cases">
          <thead>
            <tr>
              <th scope="col">{t('register.col_name')}</th>
              <th scope="col">{t('register.col_kind')}</th>
              <th scope="col">{t('register.col_status')}</th>
              <th scope="col">{t('register.col_review')}</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={href(`/register/${e.id}`)} dir="auto">
                    {entryTitle(t, e)}
                  </a>
                </td>
                <td>
                  <KindLine entry={e} />
                </td>
                <td>
                  <StatusBadge status={e.status} />
                </td>
                <td>
                  {e.detail?.review_date ? formatDate(e.detail.review_date, tag) : '–'}
                  {e.detail?.due_for_review ? <span class="reg-due"> {t('register.due')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
