// Pieces shared by the referral screens (the inbox, the referral page and the
// case's referrals tab): labels for the enumerations, the status badge, the
// overdue mark, the table of referrals and the consent problem on sending.
import { useState } from 'preact/hooks';
import { Field } from '../../components/Field';
import { joinList } from '../../components/entries/display';
import { countryName, formatDate } from '../../format';
import { useI18n, type T } from '../../i18n';
import type { OrgRef, Referral, ReferralStatus } from '../../referralsApi';
import { href } from '../../router';
import './referrals.css';

// The person and identification decisions have their own labels; the other
// parts are case entry kinds, named as their forms are (entries.json).
export function partLabel(t: T, part: string): string {
  return part === 'person' || part === 'identification' ? t(`referral_part.${part}`) : t(`form.${part}`);
}

export function servicesText(t: T, tag: string, services: readonly string[]): string {
  return joinList(services.map((s) => t(`dir_service.${s}`)), tag);
}

export function orgText(org: OrgRef, tag: string): string {
  return `${org.name} · ${countryName(org.country, tag)}`;
}

// The organisation at the other end of the referral from the reader.
export function otherOrganisation(r: Referral): OrgRef {
  return r.side === 'sender' ? r.to_organisation : r.from_organisation;
}

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge--rf-${status}`}>{t(`referral_status.${status}`)}</span>;
}

// Overdue is said in words, not only shown in red.
export function OverdueMark() {
  const { t } = useI18n();
  return (
    <span class="badge badge--overdue">
      <span aria-hidden="true">{'⚠ '}</span>
      {t('referrals.overdue')}
    </span>
  );
}

export function ReferralTable({ items, showDirection }: { items: Referral[]; showDirection: boolean }) {
  const { t, tag } = useI18n();
  return (
    <table class="cases referrals">
      <caption class="visually-hidden">{t('referrals.table_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('referrals.col_referral')}</th>
          {showDirection ? <th scope="col">{t('referrals.col_direction')}</th> : null}
          <th scope="col">{t('referrals.col_organisation')}</th>
          <th scope="col">{t('referrals.col_services')}</th>
          <th scope="col">{t('referrals.col_status')}</th>
          <th scope="col">{t('referrals.col_respond_by')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const other = otherOrganisation(r);
          return (
            <tr key={r.id} class={r.overdue ? 'referral-row--overdue' : undefined} data-referral-id={r.id}>
              <td data-label={t('referrals.col_referral')}>
                <a href={href(`/referrals/${r.id}`)}>{t('referrals.referral_no', { id: r.id })}</a>
              </td>
              {showDirection ? (
                <td data-label={t('referrals.col_direction')}>
                  {r.side === 'sender' ? t('referrals.direction_outgoing') : t('referrals.direction_incoming')}
                </td>
              ) : null}
              <td data-label={t('referrals.col_organisation')}>
                <span dir="auto">{other.name}</span>
                <div class="muted small">{countryName(other.country, tag)}</div>
              </td>
              <td data-label={t('referrals.col_services')}>{servicesText(t, tag, r.services)}</td>
              <td data-label={t('referrals.col_status')}>
                <StatusBadge status={r.status} />
                {r.overdue ? <OverdueMark /> : null}
              </td>
              <td data-label={t('referrals.col_respond_by')}>{formatDate(r.respond_by, tag)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// Sending was refused because the person's consent does not cover it. Says
// so with the server's reason, points to the consent tab, and offers a
// supervisor of the sending organisation to send anyway with a written reason.
export function ConsentProblem({
  detail,
  caseId,
  mayOverride,
  busy,
  onOverride,
}: {
  detail: string;
  caseId: number | undefined;
  mayOverride: boolean;
  busy: boolean;
  onOverride: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <div class="consent-problem">
      <div class="alert alert--error" role="alert" id="consent-problem" tabIndex={-1}>
        <p>
          <strong>{t('referrals.consent_missing')}</strong>
        </p>
        {detail ? (
          <p lang="en" dir="ltr">
            {detail}
          </p>
        ) : null}
        <p>{t('referrals.consent_kept_draft')}</p>
        {caseId !== undefined ? (
          <p>
            <a href={href(`/cases/${caseId}/consent`)}>{t('referrals.consent_record_link')}</a>
          </p>
        ) : null}
      </div>
      {mayOverride ? (
        <form
          class="card override"
          noValidate
          aria-labelledby="override-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setMissing(true);
              return;
            }
            setMissing(false);
            onOverride(reason.trim());
          }}
        >
          <h3 id="override-title">{t('referrals.override_title')}</h3>
          <p>{t('referrals.override_intro')}</p>
          <Field
            name="override_reason"
            label={t('referrals.override_reason')}
            error={missing ? t('referrals.v_override_reason') : undefined}
          >
            {(c) => (
              <textarea
                {...c}
                rows={3}
                dir="auto"
                maxLength={2000}
                value={reason}
                disabled={busy}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            )}
          </Field>
          <div class="actions">
            <button type="submit" class="danger" disabled={busy}>
              {t('referrals.override_submit')}
            </button>
          </div>
        </form>
      ) : (
        <p class="note">{t('referrals.override_supervisor_only')}</p>
      )}
    </div>
  );
}
