// "Follow-up": contacts with the person after support or return, and
// reintegration assessments. Follow-up contact needs the person's consent to
// it; when the case's organisation does not have it, the tab says so before
// anyone fills in the form (the server refuses such a record with 422).
import { useEffect, useState } from 'preact/hooks';
import { api, type Case, type ConsentCheck } from '../../api';
import { EntriesTab } from '../../components/entries/EntriesTab';
import { EntrySection } from '../../components/entries/EntrySection';
import { findForm, type EntryEnv } from '../../components/entries/env';
import { useI18n } from '../../i18n';
import { href } from '../../router';

const KINDS = ['follow_up', 'reintegration'] as const;

function ConsentNote({ env }: { env: EntryEnv }) {
  const { t } = useI18n();
  const purpose = findForm(env, 'follow_up')?.requires_consent;
  const [check, setCheck] = useState<ConsentCheck | null>(null);
  useEffect(() => {
    if (!purpose || !env.mayChange) return;
    let live = true;
    // Only a hint: if the check itself fails, the server still decides on save.
    api.checkConsent(env.kase.id, purpose as never, env.kase.owner_organisation.id).then(
      (c) => live && setCheck(c),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [env.kase.id, purpose, env.mayChange]);
  if (!purpose || !check || check.covered) return null;
  return (
    <div class="note consent-missing" role="note">
      <p>{t('entries.needs_consent', { purpose: t(`purpose.${purpose}`) })}</p>
      {check.reason ? (
        <p lang="en" dir="ltr">
          {check.reason}
        </p>
      ) : null}
      <p>
        <a href={href(`/cases/${env.kase.id}/consent`)}>{t('entries.go_to_consent')}</a>
      </p>
    </div>
  );
}

export function FollowUpTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  return (
    <EntriesTab
      kase={kase}
      mayChange={mayChange}
      kinds={KINDS}
      id="followup-title"
      title={t('entries.tab_followup')}
      intro={t('entries.followup_intro')}
    >
      {(env) => (
        <>
          <EntrySection kind="follow_up" env={env} before={<ConsentNote env={env} />} />
          <EntrySection kind="reintegration" env={env} />
        </>
      )}
    </EntriesTab>
  );
}
