// The cases that may be the person sought, for the request's tracing officer
// only: cases whose consent covers family tracing by the officer's
// organisation, each with why the matching engine proposes it, in words, and
// the officer's decision on it. Nothing goes to the family from here.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field, RadioGroup } from '../../components/Field';
import { splitError } from '../../errors';
import { countryName, formatDateTime, formatNumber, personName } from '../../format';
import { useI18n } from '../../i18n';
import { TRACING_DECISIONS, tracingApi, type Candidate, type OfficerDecision, type TracingDecision, type TracingRequest } from '../../tracingApi';
import { WhenLoaded, generalText, useLoaded } from '../casework/common';
import { MatchReasons } from '../../components/PossibleMatches';
import { DecisionBadge, PersonFacts } from './common';

const NOTE_MAX = 2000;

export function Candidates({ request }: { request: TracingRequest }) {
  const { t } = useI18n();
  const { state, retry, update } = useLoaded(() => tracingApi.candidates(request.id), [request.id]);
  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('tracing.candidates_title')}</h2>
      <p class="hint">{t('tracing.candidates_intro')}</p>
      <WhenLoaded loaded={state} onRetry={retry}>
        {(items) =>
          items.length === 0 ? (
            <p class="summary">{t('tracing.candidates_none')}</p>
          ) : (
            <ul class="candidate-list">
              {items.map((c) => (
                <li key={c.case.id}>
                  <CandidateCard
                    candidate={c}
                    request={request}
                    onDecided={(d) =>
                      update((list) => list.map((x) => (x.case.id === c.case.id ? { ...x, officer_decision: d } : x)))
                    }
                    onStale={retry}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </WhenLoaded>
    </section>
  );
}

function CandidateCard({
  candidate: c,
  request,
  onDecided,
  onStale,
}: {
  candidate: Candidate;
  request: TracingRequest;
  onDecided: (d: OfficerDecision) => void;
  onStale: () => void;
}) {
  const { t, tag } = useI18n();
  const p = c.case.person;
  const titleId = `candidate-${c.case.id}`;
  // Never "100%" nor "0%": the engine is never certain either way.
  const percent = formatNumber(Math.min(99, Math.max(1, Math.round(c.probability * 100))), tag);
  return (
    <article class="card candidate" aria-labelledby={titleId} data-case-id={c.case.id}>
      <h3 id={titleId}>
        <span dir="auto">{personName(p)}</span>
      </h3>
      <dl class="facts">
        <div>
          <dt>{t('tracing.case_reference')}</dt>
          <dd class="case-ref">{c.case.reference}</dd>
        </div>
        <div>
          <dt>{t('tracing.held_by')}</dt>
          <dd dir="auto">{`${c.case.owner.name} · ${countryName(c.case.owner.country, tag)}`}</dd>
        </div>
        <PersonFacts p={p} />
        <div>
          <dt>{t('tracing.likelihood')}</dt>
          <dd class="likelihood">{t('tracing.likelihood_value', { percent, verdict: t(`tracing_match.${c.decision}`) })}</dd>
        </div>
      </dl>
      <p>{t('tracing.reasons_title')}</p>
      <MatchReasons reasons={c.reasons} />
      {c.officer_decision ? (
        <p class="decision-now">
          <DecisionBadge decision={c.officer_decision.decision} />{' '}
          {t('tracing.decided_by', {
            who: c.officer_decision.decided_by.display_name,
            when: formatDateTime(c.officer_decision.decided_at, tag),
          })}
        </p>
      ) : null}
      {c.officer_decision?.note ? (
        <p class="multiline" dir="auto">
          {c.officer_decision.note}
        </p>
      ) : null}
      {request.status === 'open' ? (
        <DecisionForm
          key={c.officer_decision?.version ?? 0}
          candidate={c}
          request={request}
          onDecided={onDecided}
          onStale={onStale}
        />
      ) : null}
    </article>
  );
}

function DecisionForm({
  candidate: c,
  request,
  onDecided,
  onStale,
}: {
  candidate: Candidate;
  request: TracingRequest;
  onDecided: (d: OfficerDecision) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const current = c.officer_decision;
  const [decision, setDecision] = useState<TracingDecision | ''>(current?.decision ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const name = `decision-${c.case.id}`;
  const split = err ? splitError(t, err, ['note']) : null;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    if (!decision) return;
    setBusy(true);
    setErr(null);
    try {
      const body = { decision, note: note.trim() };
      const saved = current
        ? await tracingApi.changeDecision(request.id, current.id, { ...body, version: current.version })
        : await tracingApi.decide(request.id, { ...body, case_id: c.case.id });
      onDecided(saved);
    } catch (ex) {
      if (ex instanceof ApiError && (ex.code === 'conflict' || ex.code === 'already_exists')) setStale(true);
      else setErr(ex);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('tracing.decide_label', { name: personName(c.case.person) })}>
      {stale ? (
        <Alert kind="error">
          {t('tracing.decision_conflict')}{' '}
          <button type="button" class="link" onClick={onStale}>
            {t('tracing.reload')}
          </button>
        </Alert>
      ) : null}
      {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
      <RadioGroup
        name={name}
        legend={t('tracing.decision_legend')}
        options={TRACING_DECISIONS.map((d) => ({ value: d, label: t(`tracing_decision.${d}`) }))}
        value={decision}
        onChange={setDecision}
        error={submitted && !decision ? t('tracing.v_decision') : undefined}
        disabled={busy}
        inline
      />
      <Field name={`${name}-note`} label={t('tracing.decision_note')} error={split?.fields['note']}>
        {(ctl) => <textarea {...ctl} rows={2} dir="auto" maxLength={NOTE_MAX} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {current ? t('tracing.decision_change') : t('tracing.decision_save')}
        </button>
      </div>
    </form>
  );
}
