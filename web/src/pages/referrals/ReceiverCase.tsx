// On the receiver's side of a referral: the case the receiving organisation
// opened from it, or, while the referral is accepted or in progress and
// shares the person, a button to open that case (pre-filled with the shared
// person only). The sender never sees this.
import { useState } from 'preact/hooks';
import { Alert } from '../../components/Field';
import { errorMessage } from '../../errors';
import { useI18n } from '../../i18n';
import { referralsApi, type Referral } from '../../referralsApi';
import { href, navigate } from '../../router';

export function ReceiverCase({ referral, mayAct }: { referral: Referral; mayAct: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  if (referral.side !== 'receiver') return null;
  const own = referral.receiver_case;
  if (own) {
    return (
      <p class="receiver-case">
        {t('refcase.yours')}{' '}
        <a href={href(`/cases/${own.id}`)}>{own.reference}</a>
      </p>
    );
  }
  const open = referral.status === 'accepted' || referral.status === 'in_progress';
  if (!mayAct || !open || !referral.parts.includes('person')) return null;
  const create = async () => {
    setBusy(true);
    setErr(null);
    try {
      const c = await referralsApi.openCase(referral.id);
      navigate(href(`/cases/${c.id}`));
    } catch (e) {
      setErr(e);
      setBusy(false);
    }
  };
  return (
    <div class="receiver-case card">
      <p>{t('refcase.explain')}</p>
      {err ? <Alert kind="error">{errorMessage(t, err)}</Alert> : null}
      <button type="button" class="button primary" disabled={busy} onClick={() => void create()}>
        {busy ? t('common.saving') : t('refcase.open')}
      </button>
    </div>
  );
}
