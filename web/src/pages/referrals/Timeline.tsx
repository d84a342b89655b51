// One timeline of the referral for both sides: every step with its note, and
// the messages between the two organisations, oldest first; and a box to
// write a message.
import { useState } from 'preact/hooks';
import { Alert, Field } from '../../components/Field';
import { splitError } from '../../errors';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { referralsApi, type Referral } from '../../referralsApi';
import { generalText } from '../casework/common';

export function Timeline({ referral }: { referral: Referral }) {
  const { t, tag } = useI18n();
  return (
    <ol class="timeline">
      {referral.timeline.map((e) => (
        <li key={e.id} class={e.kind === 'message' ? 'timeline-message' : undefined} data-kind={e.kind}>
          <strong>{t(`referral_event.${e.kind}`)}</strong>
          <span class="muted small">
            {' · '}
            <time dateTime={e.at}>{formatDateTime(e.at, tag)}</time>
            {' · '}
            <span dir="auto">{t('referrals.event_by', { who: e.by?.display_name ?? '', organisation: e.organisation?.name ?? '' })}</span>
          </span>
          {e.text ? (
            <p class="timeline-text" dir="auto">
              {e.text}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function MessageForm({ referral, onSent }: { referral: Referral; onSent: (r: Referral) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const split = err ? splitError(t, err, ['text']) : null;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSent(false);
    setErr(null);
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      onSent(await referralsApi.message(referral.id, text.trim()));
      setText('');
      setSent(true);
    } catch (ex) {
      setErr(ex);
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="message-title" class="card">
      <h3 id="message-title">{t('referrals.message_title')}</h3>
      {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
      {sent ? <Alert kind="success">{t('referrals.message_sent')}</Alert> : null}
      <Field
        name="message"
        label={t('referrals.message_label')}
        hint={t('referrals.message_hint')}
        error={missing ? t('referrals.v_message') : split?.fields['text']}
      >
        {(c) => (
          <textarea
            {...c}
            rows={3}
            dir="auto"
            maxLength={4000}
            value={text}
            disabled={busy}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('common.saving') : t('referrals.message_submit')}
        </button>
      </div>
    </form>
  );
}
