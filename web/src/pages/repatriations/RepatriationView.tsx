// One repatriation (#/repatriations/42), for either side: the flow as ordered
// steps with their state, responsible side, due day, overdue and blocked
// marks, what was recorded (day, who, notes, documents, the handover), and a
// form on each step this side may act on now.
import { useState } from 'preact/hooks';
import { Alert } from '../../components/Field';
import { ConflictAlert, RecordPending, useRecord } from '../../components/RecordPage';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { actionsFor, repatriationsApi, type Repatriation, type RepatriationStep } from '../../repatriationApi';
import { href } from '../../router';
import { Labelled } from '../casework/common';
import { orgText } from '../referrals/common';
import { RepatriationBadge, SideText, StepBadge, StepOverdue } from './common';
import { StepForm } from './StepForm';

function StepItem({
  rep,
  step,
  titles,
  onDone,
  onConflict,
}: {
  rep: Repatriation;
  step: RepatriationStep;
  titles: Map<string, RepatriationStep>;
  onDone: (r: Repatriation, action: string) => void;
  onConflict: () => void;
}) {
  const { t, tag } = useI18n();
  const [open, setOpen] = useState(false);
  const finished = step.state === 'done' || step.state === 'skipped';
  // Only a step that can be worked on now (or is blocked) offers its form;
  // the order rule would refuse the others.
  const actionable = step.may_act && actionsFor(step.state).length > 0 && (step.ready || step.state === 'blocked');
  const cls = `rp-step rp-step--${step.state}${step.overdue ? ' rp-step--overdue' : ''}`;
  const h = step.handover;
  return (
    <li class={cls} data-step={step.code} aria-labelledby={`step-${step.id}-title`}>
      <h3 id={`step-${step.id}-title`}>
        <Labelled label={step.title} />
        <StepBadge state={step.state} />
        {step.overdue ? <StepOverdue /> : null}
      </h3>
      <dl class="facts">
        <div>
          <dt>{t('repatriation.responsible')}</dt>
          <dd>
            <SideText side={step.side} />
          </dd>
        </div>
        {!finished ? (
          <div>
            <dt>{t('repatriation.due_on')}</dt>
            <dd>{formatDate(step.due_on, tag)}</dd>
          </div>
        ) : null}
        {step.done_on ? (
          <div>
            <dt>{step.state === 'skipped' ? t('repatriation.skipped_on') : t('repatriation.done_on')}</dt>
            <dd>
              {formatDate(step.done_on, tag)}
              {step.done_by ? ` · ${step.done_by.display_name}` : ''}
            </dd>
          </div>
        ) : null}
        {!finished && step.after.length ? (
          <div>
            <dt>{t('repatriation.waits_for')}</dt>
            <dd>
              {step.after.map((code, i) => (
                <span key={code}>
                  {i ? ', ' : ''}
                  <Labelled label={titles.get(code)?.title ?? code} />
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {step.documents_needed.length && !finished ? (
          <div>
            <dt>{t('repatriation.documents_needed')}</dt>
            <dd>
              {step.documents_needed.map((d, i) => (
                <span key={d.id}>
                  {i ? '; ' : ''}
                  <Labelled label={d.label} />
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {step.state === 'blocked' ? (
        <p class="rp-blocked-reason" dir="auto">
          {t('repatriation.blocked_because', { reason: step.reason })}
        </p>
      ) : null}
      {step.state === 'skipped' && step.reason ? (
        <p dir="auto">{t('repatriation.skipped_because', { reason: step.reason })}</p>
      ) : null}
      {step.notes ? (
        <p class="multiline" dir="auto">
          {step.notes}
        </p>
      ) : null}
      {step.documents.length ? (
        <div>
          <h4>{t('repatriation.documents_issued')}</h4>
          <ul>
            {step.documents.map((d, i) => (
              <li key={i} dir="auto">
                {d.number ? `${d.name} · ${d.number}` : d.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {h ? (
        <div class="rp-handover-record">
          <h4>{t('repatriation.handover_title')}</h4>
          <p dir="auto">
            {t('repatriation.handover_text', {
              from: `${h.from_person} (${h.from_organisation})`,
              to: `${h.to_person} (${h.to_organisation})`,
              place: h.place,
              date: formatDate(h.date, tag),
            })}
          </p>
        </div>
      ) : null}
      {actionable ? (
        <>
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('repatriation.form_close') : t('repatriation.form_open')}
          </button>
          {open ? (
            <StepForm
              repatriation={rep}
              step={step}
              onDone={(r, a) => {
                setOpen(false);
                onDone(r, a);
              }}
              onConflict={onConflict}
            />
          ) : null}
        </>
      ) : null}
    </li>
  );
}

export function RepatriationView({ id }: { id: number }) {
  const { t, tag } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const { load, reload: fetch, set } = useRecord(() => repatriationsApi.get(id), id, () => setConflict(false));

  const back = (
    <p class="back">
      <a href={href('/repatriations')}>{t('repatriation.back_to_list')}</a>
    </p>
  );

  if (load.kind !== 'ready') {
    return (
      <RecordPending
        load={load}
        back={back}
        title={t('repatriation.title_loading')}
        notFoundTitle={t('repatriation.not_found_title')}
        notFoundText={t('repatriation.not_found_text')}
        onRetry={() => void fetch()}
      />
    );
  }

  const r = load.value;
  const steps = r.steps ?? [];
  const titles = new Map(steps.map((s) => [s.code, s]));
  return (
    <section aria-labelledby="page-title">
      {back}
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('repatriation.title', { id: r.id })}
        </h1>
        <RepatriationBadge status={r.status} />
      </div>
      <p class="lead">
        <Labelled label={r.flow.title} />
      </p>
      {conflict ? (
        <ConflictAlert
          id="rp-conflict"
          message={t('repatriation.conflict')}
          reloadLabel={t('repatriation.reload')}
          onReload={async () => {
            if (await fetch()) setNotice('repatriation.reloaded');
          }}
        />
      ) : null}
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      <dl class="facts">
        <div>
          <dt>{t('repatriation.destination_org')}</dt>
          <dd dir="auto">{orgText(r.destination_organisation, tag)}</dd>
        </div>
        <div>
          <dt>{t('repatriation.origin_org')}</dt>
          <dd dir="auto">{orgText(r.origin_organisation, tag)}</dd>
        </div>
        <div>
          <dt>{t('repatriation.your_side')}</dt>
          <dd>
            <SideText side={r.side} />
          </dd>
        </div>
        <div>
          <dt>{t('repatriation.referral')}</dt>
          <dd>
            <a href={href(`/referrals/${r.referral_id}`)}>{t('referrals.referral_no', { id: r.referral_id })}</a>
          </dd>
        </div>
        {r.case_id ? (
          <div>
            <dt>{t('repatriation.case')}</dt>
            <dd>
              <a href={href(`/cases/${r.case_id}`)}>{r.case_reference ?? String(r.case_id)}</a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('repatriation.started_on')}</dt>
          <dd>{formatDate(r.started_on, tag)}</dd>
        </div>
        {r.completed_on ? (
          <div>
            <dt>{t('repatriation.completed_on')}</dt>
            <dd>{formatDate(r.completed_on, tag)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('repatriation.progress')}</dt>
          <dd>
            {t('repatriation.progress_value', { done: r.steps_done, total: r.steps_total })}
            {r.steps_overdue ? ` · ${t('repatriation.overdue_count', { count: r.steps_overdue })}` : ''}
          </dd>
        </div>
      </dl>
      <h2>{t('repatriation.steps_title')}</h2>
      <p>{t('repatriation.steps_intro')}</p>
      <ol class="rp-steps">
        {steps.map((s) => (
          <StepItem
            key={`${s.id}:${s.version}`}
            rep={r}
            step={s}
            titles={titles}
            onDone={(updated, action) => {
              set(updated);
              setNotice(`rp_done.${action}`);
            }}
            onConflict={() => {
              setConflict(true);
              setNotice(null);
              setTimeout(() => document.getElementById('rp-conflict')?.focus(), 0);
            }}
          />
        ))}
      </ol>
    </section>
  );
}
