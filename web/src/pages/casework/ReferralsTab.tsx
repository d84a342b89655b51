// The case's referrals (#/cases/42/referrals): each with its status and an
// overdue mark, linked to its page, and the form to refer the person to
// another organisation.
import { useState } from 'preact/hooks';
import type { Case } from '../../api';
import { Alert } from '../../components/Field';
import { useI18n } from '../../i18n';
import { referralsApi, type Referral } from '../../referralsApi';
import { useUser } from '../../session';
import { ReferralTable } from '../referrals/common';
import { NewReferralForm } from './NewReferralForm';
import { WhenLoaded, useLoaded } from './common';

export function ReferralsTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  const user = useUser();
  const { state, retry, update } = useLoaded(() => referralsApi.ofCase(kase.id), [kase.id]);
  const [sent, setSent] = useState<Referral | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Only the organisation that owns the case refers it, while it is open.
  const mayRefer = mayChange && kase.status === 'open' && kase.owner_organisation.id === user.organisation.id;

  const put = (r: Referral) => update((list) => (list.some((x) => x.id === r.id) ? list.map((x) => (x.id === r.id ? r : x)) : [r, ...list]));

  return (
    <div class="tab-panel">
      <h2>{t('referrals.case_title')}</h2>
      <p>{t('referrals.case_intro')}</p>
      {sent ? (
        <Alert kind="success">
          {t('referrals.sent_notice', { organisation: sent.to_organisation.name })}
        </Alert>
      ) : null}
      <WhenLoaded loaded={state} onRetry={retry}>
        {(items) =>
          items.length === 0 ? (
            <p class="muted">{t('referrals.case_none')}</p>
          ) : (
            <ReferralTable items={[...items].sort((a, b) => b.id - a.id)} showDirection={false} />
          )
        }
      </WhenLoaded>
      {mayRefer ? (
        <NewReferralForm
          key={formKey}
          kase={kase}
          onDraft={put}
          onSent={(r) => {
            put(r);
            setSent(r);
            setFormKey((n) => n + 1);
          }}
          onStartOver={() => {
            setSent(null);
            setFormKey((n) => n + 1);
          }}
        />
      ) : kase.status === 'closed' ? (
        <p class="note">{t('case.closed_readonly')}</p>
      ) : null}
    </div>
  );
}
