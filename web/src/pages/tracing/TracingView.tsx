// One family tracing request (#/tracing/42): who is searching and how to
// reach them, whom they seek and what they remember, its tracing officer;
// for a supervisor, handing it to another officer; for the officer or a
// supervisor, closing it with an outcome; for the officer only, the cases
// that may be the person sought.
import { useState } from 'preact/hooks';
import { Alert } from '../../components/Field';
import { ConflictAlert, RecordPending, useRecord } from '../../components/RecordPage';
import { takeFlash } from '../../flash';
import { countryName, formatDateTime, personName } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { tracingApi } from '../../tracingApi';
import { Candidates } from './Candidates';
import { PersonFacts, StatusBadge } from './common';
import { ManageRequest } from './ManageRequest';

export function TracingView({ id }: { id: number }) {
  const { t, tag } = useI18n();
  const [notice, setNotice] = useState<string | null>(() => takeFlash());
  const [conflict, setConflict] = useState(false);
  const { load, reload, set } = useRecord(() => tracingApi.get(id), id, () => setConflict(false));

  const back = (
    <p class="back">
      <a href={href('/tracing')}>{t('tracing.back_to_list')}</a>
    </p>
  );
  if (load.kind !== 'ready') {
    return (
      <RecordPending
        load={load}
        back={back}
        title={t('tracing.title_loading')}
        notFoundTitle={t('tracing.not_found_title')}
        notFoundText={t('tracing.not_found_text')}
        onRetry={() => void reload()}
      />
    );
  }

  const r = load.value;
  const p = r.sought.person;
  const open = r.status === 'open';
  return (
    <section aria-labelledby="page-title">
      {back}
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('tracing.title', { id: r.id })}
        </h1>
        <StatusBadge status={r.status} />
      </div>
      <p class="lead">{t('tracing.view_lead')}</p>
      {conflict ? (
        <ConflictAlert
          id="conflict"
          message={t('tracing.conflict')}
          reloadLabel={t('tracing.reload')}
          onReload={async () => {
            if (await reload()) setNotice('tracing.reloaded');
          }}
        />
      ) : null}
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}

      <dl class="facts">
        <div>
          <dt>{t('tracing.officer')}</dt>
          <dd dir="auto">{r.officer.display_name}</dd>
        </div>
        <div>
          <dt>{t('tracing.organisation')}</dt>
          <dd dir="auto">{`${r.organisation.name} · ${countryName(r.organisation.country, tag)}`}</dd>
        </div>
        <div>
          <dt>{t('tracing.filed')}</dt>
          <dd>{t('tracing.filed_by', { when: formatDateTime(r.created_at, tag), who: r.created_by.display_name })}</dd>
        </div>
        {r.closed_at ? (
          <div>
            <dt>{t('tracing.closed_at')}</dt>
            <dd>{formatDateTime(r.closed_at, tag)}</dd>
          </div>
        ) : null}
      </dl>
      {r.outcome ? (
        <>
          <h2>{t('tracing.outcome')}</h2>
          <p class="multiline" dir="auto">
            {r.outcome}
          </p>
        </>
      ) : null}

      <h2>{t('tracing.searcher_legend')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('tracing.searcher_name')}</dt>
          <dd dir="auto">{r.searcher.name}</dd>
        </div>
        <div>
          <dt>{t('tracing.relationship')}</dt>
          <dd dir="auto">{r.searcher.relationship}</dd>
        </div>
        <div>
          <dt>{t('tracing.contact')}</dt>
          <dd class="multiline" dir="auto">
            {r.searcher.contact}
          </dd>
        </div>
      </dl>

      <h2>{t('tracing.sought_title')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('tracing.sought_name')}</dt>
          <dd dir="auto" class="sought-name">
            {personName(p)}
          </dd>
        </div>
        <PersonFacts p={p} />
        {r.sought.last_known_place ? (
          <div>
            <dt>{t('tracing.last_known_place')}</dt>
            <dd dir="auto">{r.sought.last_known_place}</dd>
          </div>
        ) : null}
      </dl>
      {r.sought.remembers ? (
        <>
          <h3>{t('tracing.remembers')}</h3>
          <p class="multiline" dir="auto">
            {r.sought.remembers}
          </p>
        </>
      ) : null}

      {r.may_see_candidates ? (
        <Candidates key={r.version} request={r} />
      ) : (
        <p class="note">{t('tracing.candidates_officer_only')}</p>
      )}

      {open ? (
        <ManageRequest
          key={r.version}
          request={r}
          onDone={(updated, what) => {
            set(updated);
            setNotice(what === 'closed' ? 'tracing.closed_notice' : 'tracing.reassigned_notice');
          }}
          onConflict={() => {
            setConflict(true);
            setNotice(null);
            setTimeout(() => document.getElementById('conflict')?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}
