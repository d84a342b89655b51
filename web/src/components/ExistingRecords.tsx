// "Possible existing records" beside a person being recorded (a new case, a
// case made from an intake report): as the names, birth date or citizenship
// are typed, the server is asked (400 ms after the last key) which cases the
// user may see look like this person, so they can open that case instead of
// recording a duplicate. The check only helps: when it fails, a quiet line
// says so and creating the case goes on as before.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Person } from '../api';
import { isRealDate } from '../format';
import { useI18n } from '../i18n';
import { matchingApi, type MatchItem } from '../matchingApi';
import type { PersonDraft } from './PersonForm';
import { PossibleMatches } from './PossibleMatches';

const DEBOUNCE_MS = 400;

// What can be asked from a draft that may be half typed: the parts that are
// already well formed. Null while there is no name to look for.
export function queryFromDraft(d: PersonDraft): Person | null {
  const first = d.first_name.trim();
  const middle = d.middle_name.trim();
  const second = d.second_name.trim();
  if (!first && !second) return null;
  const birth = d.birth_date.trim();
  const age = /^\d{1,3}$/.test(d.approximate_age.trim()) ? Number(d.approximate_age.trim()) : null;
  const citizenship = [
    ...new Set(
      d.citizenship
        .split(/[\s,;、，]+/)
        .map((c) => c.trim().toUpperCase())
        .filter((c) => /^[A-Z]{2}$/.test(c)),
    ),
  ];
  return {
    first_name: first,
    middle_name: middle,
    second_name: second,
    birth_date: isRealDate(birth) && birth <= new Date().toISOString().slice(0, 10) ? birth : null,
    approximate_age: age != null && age <= 120 ? age : null,
    gender: d.gender,
    citizenship,
    languages: [],
  };
}

type State = { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed' } | { kind: 'ready'; items: MatchItem[] };

export function ExistingRecords({ draft, actions }: { draft: PersonDraft; actions?: (m: MatchItem) => ComponentChildren }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const asked = useRef(0);
  const query = queryFromDraft(draft);
  const key = query ? JSON.stringify(query) : '';

  useEffect(() => {
    const n = ++asked.current;
    if (!query) {
      setState({ kind: 'idle' });
      return;
    }
    const timer = setTimeout(() => {
      setState((s) => (s.kind === 'ready' ? s : { kind: 'checking' }));
      matchingApi.forPerson(query).then(
        (items) => n === asked.current && setState({ kind: 'ready', items }),
        () => n === asked.current && setState({ kind: 'failed' }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return (
    <section class="existing-records" aria-labelledby="existing-records-title">
      <h2 id="existing-records-title">{t('matching.existing_title')}</h2>
      <div aria-live="polite">
        {state.kind === 'idle' ? (
          <p class="hint">{t('matching.existing_hint')}</p>
        ) : state.kind === 'checking' ? (
          <p class="muted">{t('matching.existing_checking')}</p>
        ) : state.kind === 'failed' ? (
          <p class="muted">{t('matching.existing_unavailable')}</p>
        ) : state.items.length === 0 ? (
          <p class="muted">{t('matching.existing_none')}</p>
        ) : (
          <>
            <p>{t('matching.existing_intro')}</p>
            <PossibleMatches items={state.items} label={t('matching.existing_title')} actions={actions} />
          </>
        )}
      </div>
    </section>
  );
}
