import { useState } from 'preact/hooks';
import { api, ApiError, type User } from '../api';
import { Alert, Field } from '../components/Field';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';
import { href } from '../router';

interface Props {
  onSignedIn: (user: User) => void;
  notice: 'expired' | 'signed_out' | null;
}

export function SignIn({ onSignedIn, notice }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const m: { username?: string; password?: string } = {};
    if (!username.trim()) m.username = t('validation.username_required');
    if (!password) m.password = t('validation.password_required');
    setMissing(m);
    setError(null);
    if (m.username || m.password) {
      document.getElementById(m.username ? 'f-username' : 'f-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await api.signIn(username.trim(), password);
      onSignedIn(res.user);
    } catch (err) {
      // One message for every credential problem, so it tells nothing about
      // which usernames exist or which accounts are locked.
      setError(err instanceof ApiError && err.status === 401 ? t('signin.failed') : errorMessage(t, err));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <section class="signin card" aria-labelledby="signin-title">
      <h1 id="signin-title" tabIndex={-1}>
        {t('signin.title')}
      </h1>
      <p class="lead">{t('signin.intro')}</p>
      {notice === 'expired' ? <Alert kind="info">{t('signin.expired')}</Alert> : null}
      {notice === 'signed_out' ? <Alert kind="info">{t('signin.signed_out')}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Field name="username" label={t('signin.username')} error={missing.username}>
          {(c) => (
            <input
              {...c}
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field name="password" label={t('signin.password')} error={missing.password}>
          {(c) => (
            <input
              {...c}
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('signin.submitting') : t('signin.submit')}
          </button>
        </div>
      </form>
      <p class="public-report-link">
        <a href={href('/report')}>{t('public.signin_link')}</a>
      </p>
    </section>
  );
}
