// One register entry (#/register/42), for those who may see details: who
// the person or organisation is, the current status and its source, the
// whole history (an acquittal is shown with what came before), and the
// cases it is linked to that the reader may see. Editors get the status
// change and the case link forms.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert } from '../../components/Field';
import { takeFlash } from '../../flash';
import { formatDate, formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { LIST_FIELDS, registerApi, type Entry, type HistoryLine } from '../../registerApi';
import { href } from '../../router';
import { LoadError } from '../casework/common';
import { CaseLinks } from './CaseLinks';
import { StatusForm } from './StatusForm';
import { KindLine, SourceLine, StatusBadge, entryTitle } from './common';

type State = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; entry: Entry };

export function EntryView({ id }: { id: number }) {
  const { t, tag } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [notice, setNotice] = useState<string | null>(() => takeFlash());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    registerApi.get(id).then(
      (entry) => live && setState({ kind: 'ready', entry }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  const back = (
    <p>
      <a href={href('/register')}>{t('register.back')}</a>
    </p>
  );
  if (state.kind !== 'ready' || !state.entry.detail) {
    const denied = state.kind === 'error' && state.err instanceof ApiError && state.err.code === 'permission_denied';
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('register.entry_title')}
        </h1>
        {state.kind === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
        {denied ? <Alert kind="error">{t('register.details_denied')}</Alert> : null}
        {state.kind === 'error' && !denied ? <LoadError err={state.err} onRetry={() => setAttempt((n) => n + 1)} /> : null}
        {back}
      </section>
    );
  }

  const e = state.entry;
  const d = e.detail!;
  const changed = (next: Entry, key: string) => {
    setState({ kind: 'ready', entry: next });
    setNotice(key);
  };
  const reload = () => {
    setNotice('register.reloaded');
    setAttempt((n) => n + 1);
  };
  return (
    <section aria-labelledby="page-title">
      {back}
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} dir="auto">
          {entryTitle(t, e)}
        </h1>
        {e.may_edit ? (
          <a class="button" href={href(`/register/${e.id}/edit`)}>
            {t('register.edit')}
          </a>
        ) : null}
      </div>
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      <p class="lead">
        <StatusBadge status={e.status} /> <KindLine entry={e} />
      </p>
      {d.due_for_review ? <Alert kind="info">{t('register.due_notice')}</Alert> : null}
      <dl class="reg-facts card">
        {LIST_FIELDS.map((f) =>
          d[f].length > 0 ? (
            <div key={f}>
              <dt>{t(`register_list.${f}`)}</dt>
              <dd>
                <ul>
                  {d[f].map((v) => (
                    <li key={v} dir="auto">
                      {v}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null,
        )}
        <dt>{t('register.source')}</dt>
        <dd>
          {t(`register_source.${e.source.kind}`)}
          {': '}
          <span dir="auto">{d.source_reference}</span>
          {e.source.kind === 'case' ? <span class="muted small"> {t('register.reference_not_public')}</span> : null}
        </dd>
        <dt>{t('register.status_date')}</dt>
        <dd>{formatDate(e.status_date, tag)}</dd>
        <dt>{t('register.review_date')}</dt>
        <dd>
          {d.review_date ? formatDate(d.review_date, tag) : t('register.no_review')}
          {d.due_for_review ? <span class="reg-due"> {t('register.due')}</span> : null}
        </dd>
      </dl>
      {e.may_edit ? <StatusForm entry={e} onDone={(n) => changed(n, 'register.status_changed')} onConflict={reload} /> : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('register.history_title')}</h2>
        <ol class="reg-history">
          {(d.history ?? []).map((h) => (
            <HistoryItem key={h.id} line={h} />
          ))}
        </ol>
      </section>
      <CaseLinks entry={e} onDone={(n, key) => changed(n, key)} onConflict={reload} />
      <p class="muted small">
        {t('register.public_view')} <SourceLine source={e.source} />
      </p>
    </section>
  );
}

function HistoryItem({ line }: { line: HistoryLine }) {
  const { t, tag } = useI18n();
  const moved = line.from_status !== null && line.from_status !== line.to_status;
  return (
    <li>
      <strong>{t(`register_change.${line.change}`)}</strong>
      {' · '}
      {moved ? (
        <>
          <StatusBadge status={line.from_status!} /> {'→'} <StatusBadge status={line.to_status} />
        </>
      ) : (
        <StatusBadge status={line.to_status} />
      )}
      <br />
      <span class="small">
        {t('register.history_meta', {
          date: formatDate(line.status_date, tag),
          source: `${t(`register_source.${line.source.kind}`)}: ${line.source.reference}`,
          at: formatDateTime(line.at, tag),
          by: line.actor?.display_name ?? t('register.system'),
        })}
      </span>
      <p class="reason" dir="auto">
        {line.reason}
      </p>
    </li>
  );
}
