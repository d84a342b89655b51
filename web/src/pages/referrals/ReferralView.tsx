// One referral (#/referrals/42), for either side: what was asked (summary,
// reason, services, the parts it carries), between whom, a consent override
// if there was one, the steps this side may take now, the timeline with its
// messages, and for the receiver after acceptance the shared parts.
import { useState } from 'preact/hooks';
import { Alert } from '../../components/Field';
import { ConflictAlert, RecordPending, useRecord } from '../../components/RecordPage';
import { formatDate, formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { answersReferrals } from '../../permissions';
import { referralsApi } from '../../referralsApi';
import { href } from '../../router';
import { useUser } from '../../session';
import { RepatriationPanel } from '../repatriations/RepatriationPanel';
import { Actions } from './Actions';
import { OverdueMark, StatusBadge, orgText, partLabel, servicesText } from './common';
import { ReceiverCase } from './ReceiverCase';
import { SharedParts } from './SharedParts';
import { MessageForm, Timeline } from './Timeline';

// The receiver reads the shared parts while the referral is accepted or in progress.
const SHARING = new Set(['accepted', 'in_progress']);

export function ReferralView({ id }: { id: number }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const { load, reload: fetch, set } = useRecord(() => referralsApi.get(id), id, () => setConflict(false));

  const back = (
    <p class="back">
      <a href={href('/referrals')}>{t('referrals.back_to_inbox')}</a>
    </p>
  );

  if (load.kind !== 'ready') {
    return (
      <RecordPending
        load={load}
        back={back}
        title={t('referrals.title_loading')}
        notFoundTitle={t('referrals.not_found_title')}
        notFoundText={t('referrals.not_found_text')}
        onRetry={() => void fetch()}
      />
    );
  }

  const r = load.value;
  const sender = r.side === 'sender';
  const mayAct = answersReferrals(user.role);
  const mayOverride = sender && user.role === 'supervisor';

  return (
    <section aria-labelledby="page-title">
      {back}
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('referrals.title', { id: r.id })}
        </h1>
        <StatusBadge status={r.status} />
        {r.overdue ? <OverdueMark /> : null}
      </div>
      <p class="lead">
        {sender ? t('referrals.lead_sender', { to: orgText(r.to_organisation, tag) }) : t('referrals.lead_receiver', { from: orgText(r.from_organisation, tag) })}
      </p>

      {conflict ? (
        <ConflictAlert
          id="conflict"
          message={t('referrals.conflict')}
          reloadLabel={t('referrals.reload')}
          onReload={async () => {
            if (await fetch()) setNotice('referrals.reloaded');
          }}
        />
      ) : null}
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}

      {r.consent_override ? (
        <div class="alert alert--info override-notice" role="note">
          <p>
            <strong>{t('referrals.override_notice', { who: r.consent_override.by?.display_name ?? '' })}</strong>
          </p>
          <p dir="auto">{t('referrals.override_notice_reason', { reason: r.consent_override.reason })}</p>
        </div>
      ) : null}

      <dl class="facts">
        <div>
          <dt>{t('referrals.from')}</dt>
          <dd dir="auto">{orgText(r.from_organisation, tag)}</dd>
        </div>
        <div>
          <dt>{t('referrals.to')}</dt>
          <dd dir="auto">{orgText(r.to_organisation, tag)}</dd>
        </div>
        {r.cross_border ? (
          <div>
            <dt>{t('referrals.cross_border')}</dt>
            <dd>{t('referrals.cross_border_yes')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('referrals.reason')}</dt>
          <dd>{t(`referral_reason.${r.reason}`)}</dd>
        </div>
        <div>
          <dt>{t('referrals.services')}</dt>
          <dd>{servicesText(t, tag, r.services)}</dd>
        </div>
        <div>
          <dt>{t('referrals.respond_by')}</dt>
          <dd>{formatDate(r.respond_by, tag)}</dd>
        </div>
        {r.sent_at ? (
          <div>
            <dt>{t('referrals.sent_at')}</dt>
            <dd>{formatDateTime(r.sent_at, tag)}</dd>
          </div>
        ) : null}
        {sender && r.case_id ? (
          <div>
            <dt>{t('referrals.case')}</dt>
            <dd>
              <a href={href(`/cases/${r.case_id}/referrals`)}>{r.case_reference ?? String(r.case_id)}</a>
            </dd>
          </div>
        ) : null}
      </dl>

      <ReceiverCase key={`rc${r.version}`} referral={r} mayAct={mayAct} />

      <h2>{t('referrals.summary')}</h2>
      <p class="multiline referral-summary" dir="auto">
        {r.summary}
      </p>

      <h2>{t('referrals.parts')}</h2>
      <p>{sender ? t('referrals.parts_sender') : SHARING.has(r.status) ? t('referrals.parts_receiver_open') : t('referrals.parts_receiver_closed')}</p>
      <ul class="part-list">
        {r.parts.map((p) => (
          <li key={p}>{partLabel(t, p)}</li>
        ))}
      </ul>

      {mayAct ? (
        <Actions
          key={`${r.id}:${r.version}`}
          referral={r}
          mayOverride={mayOverride}
          onDone={(updated, action) => {
            // A step's answer carries no timeline: keep the old one until the
            // referral is read again with the new line.
            set({ ...updated, timeline: updated.timeline?.length ? updated.timeline : r.timeline });
            setNotice(`referral_done.${action}`);
            referralsApi.get(id).then(
              (fresh) => set(fresh),
              () => {},
            );
          }}
          onConflict={() => {
            setConflict(true);
            setNotice(null);
            setTimeout(() => document.getElementById('conflict')?.focus(), 0);
          }}
        />
      ) : (
        <p class="note">{t('referrals.read_only_role')}</p>
      )}

      {r.services.includes('repatriation') && r.status !== 'draft' ? <RepatriationPanel referral={r} /> : null}

      {!sender && SHARING.has(r.status) ? <SharedParts key={r.version} referralId={r.id} /> : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('referrals.timeline_title')}</h2>
        <Timeline referral={r} />
        {mayAct && r.status !== 'draft' ? (
          <MessageForm
            referral={r}
            onSent={(updated) => {
              setNotice(null);
              set(updated);
            }}
          />
        ) : null}
      </section>
    </section>
  );
}
