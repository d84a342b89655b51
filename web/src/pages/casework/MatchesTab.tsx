// The case's possible matches (#/cases/42/matches): other cases the user may
// see whose person looks like this one, each with the engine's reasons and
// the buttons "Same person" / "Not the same person"; and the linked records,
// the decisions already taken, with who decided and when, each changeable
// (with the version read: a stale one shows the conflict alert).
import { useState } from 'preact/hooks';
import { ApiError, type Case } from '../../api';
import { Alert, Field, RadioGroup } from '../../components/Field';
import { CaseLink, MatchedPerson, PossibleMatches, formatPercent } from '../../components/PossibleMatches';
import { ConflictAlert } from '../../components/RecordPage';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { LINK_DECISIONS, matchingApi, type LinkDecision, type MatchItem, type PersonLink } from '../../matchingApi';
import { WhenLoaded, useLoaded } from './common';

const NOTE_MAX = 2000;

function errorText(t: ReturnType<typeof useI18n>['t'], err: unknown): string {
  const detail = err instanceof ApiError ? err.detail : '';
  return detail ? `${errorMessage(t, err)} ${t('error.detail', { detail })}` : errorMessage(t, err);
}

// The note and the two buttons under one possible match.
function DecideForm({ item, onDecide }: { item: MatchItem; onDecide: (d: LinkDecision, note: string) => Promise<void> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (d: LinkDecision) => {
    if (busy) return;
    setBusy(true);
    await onDecide(d, note.trim());
    setBusy(false);
  };
  return (
    <div class="match-decide" role="group" aria-label={t('matching.decide_label', { reference: item.case.reference })}>
      <Field name={`match-note-${item.case.id}`} label={t('matching.note')} hint={t('matching.note_hint')}>
        {(c) => <textarea {...c} rows={2} dir="auto" maxLength={NOTE_MAX} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void decide('same')}>
          {t('matching.mark_same')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void decide('different')}>
          {t('matching.mark_different')}
        </button>
      </div>
    </div>
  );
}

// One decision, with a form to change it.
function LinkedRecord({
  link,
  mayChange,
  onChange,
}: {
  link: PersonLink;
  mayChange: boolean;
  onChange: (l: PersonLink, d: LinkDecision, note: string) => Promise<boolean>;
}) {
  const { t, tag } = useI18n();
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState<LinkDecision>(link.decision);
  const [note, setNote] = useState(link.note);
  const [busy, setBusy] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    if (await onChange(link, decision, note.trim())) setEditing(false);
    setBusy(false);
  };
  return (
    <li class="match card">
      <div class="match-head">
        <CaseLink c={link.other_case} />
        <span class={`badge badge--link-${link.decision}`}>{t(`link_decision.${link.decision}`)}</span>
      </div>
      <MatchedPerson c={link.other_case} />
      <p class="muted">
        {t('matching.decided_by', { who: link.decided_by.display_name, when: formatDateTime(link.decided_at, tag) })}
        {' · '}
        {t('matching.engine_said', { percent: formatPercent(link.probability, tag) })}
      </p>
      {link.note ? (
        <p class="note-text" dir="auto">
          {link.note}
        </p>
      ) : null}
      {!mayChange ? null : editing ? (
        <form onSubmit={save} noValidate aria-label={t('matching.change_label', { reference: link.other_case.reference })}>
          <RadioGroup
            name={`link-decision-${link.id}`}
            legend={t('matching.decision_legend')}
            options={LINK_DECISIONS.map((d) => ({ value: d, label: t(`link_decision.${d}`) }))}
            value={decision}
            onChange={setDecision}
            inline
          />
          <Field name={`link-note-${link.id}`} label={t('matching.note')}>
            {(c) => <textarea {...c} rows={2} dir="auto" maxLength={NOTE_MAX} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('common.saving') : t('matching.save_change')}
            </button>
            <button type="button" class="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="button" onClick={() => setEditing(true)}>
            {t('matching.change')}
          </button>
        </div>
      )}
    </li>
  );
}

export function MatchesTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  const matches = useLoaded(() => matchingApi.ofCase(kase.id), [kase.id]);
  const links = useLoaded(() => matchingApi.links(kase.id), [kase.id]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const reloadBoth = () => {
    matches.retry();
    links.retry();
  };

  const decide = async (item: MatchItem, decision: LinkDecision, note: string) => {
    setNotice(null);
    setError(null);
    try {
      await matchingApi.decide(kase.id, { other_case_id: item.case.id, decision, note });
      setNotice('matching.decided_notice');
      reloadBoth();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_exists') {
        setError(t('matching.already_decided'));
        reloadBoth();
      } else setError(errorText(t, err));
    }
  };

  const change = async (link: PersonLink, decision: LinkDecision, note: string): Promise<boolean> => {
    setNotice(null);
    setError(null);
    setConflict(false);
    try {
      const saved = await matchingApi.change(kase.id, link.id, { version: link.version, decision, note });
      links.update((list) => list.map((l) => (l.id === saved.id ? saved : l)));
      matches.retry();
      setNotice('matching.decided_notice');
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        setConflict(true);
        setTimeout(() => document.getElementById('link-conflict')?.focus(), 0);
      } else setError(errorText(t, err));
      return false;
    }
  };

  return (
    <div class="tab-panel">
      {conflict ? (
        <ConflictAlert
          id="link-conflict"
          message={t('matching.conflict')}
          reloadLabel={t('matching.reload')}
          onReload={() => {
            setConflict(false);
            reloadBoth();
          }}
        />
      ) : null}
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}

      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{t('matching.linked_title')}</h2>
        <p>{t('matching.linked_intro')}</p>
        <WhenLoaded loaded={links.state} onRetry={links.retry}>
          {(items) =>
            items.length === 0 ? (
              <p class="muted">{t('matching.linked_none')}</p>
            ) : (
              <ul class="matches" aria-label={t('matching.linked_title')}>
                {items.map((l) => (
                  <LinkedRecord key={`${l.id}-${l.version}`} link={l} mayChange={mayChange} onChange={change} />
                ))}
              </ul>
            )
          }
        </WhenLoaded>
      </section>

      <section aria-labelledby="matches-title">
        <h2 id="matches-title">{t('matching.matches_title')}</h2>
        <p>{t('matching.matches_intro')}</p>
        {!mayChange ? <p class="note">{t('matching.readonly')}</p> : null}
        <WhenLoaded loaded={matches.state} onRetry={matches.retry}>
          {(items) =>
            items.length === 0 ? (
              <p class="muted">{t('matching.matches_none')}</p>
            ) : (
              <PossibleMatches
                items={items}
                label={t('matching.matches_title')}
                actions={(m) => (mayChange && !m.link ? <DecideForm item={m} onDecide={(d, note) => decide(m, d, note)} /> : null)}
              />
            )
          }
        </WhenLoaded>
      </section>
    </div>
  );
}
