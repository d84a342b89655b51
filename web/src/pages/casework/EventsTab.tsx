// "Events & perpetrators": what happened where and when (recruitment, transit,
// exploitation) and the people who did it, each linked to an event.
import type { Case } from '../../api';
import { EntriesTab } from '../../components/entries/EntriesTab';
import { EntrySection } from '../../components/entries/EntrySection';
import type { Entry } from '../../entriesApi';
import { useI18n } from '../../i18n';

const KINDS = ['event', 'perpetrator'] as const;

// Events in the order they happened (undated ones last, newest recorded first).
function byStart(list: Entry[]): Entry[] {
  const start = (e: Entry) => (typeof e.fields?.['started_on'] === 'string' ? (e.fields['started_on'] as string) : '~');
  return list.slice().reverse().sort((a, b) => start(a).localeCompare(start(b)));
}

export function EventsTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  return (
    <EntriesTab
      kase={kase}
      mayChange={mayChange}
      kinds={KINDS}
      id="events-title"
      title={t('entries.tab_events')}
      intro={t('entries.events_intro')}
    >
      {(env) => (
        <>
          <EntrySection kind="event" env={env} show={byStart} />
          <EntrySection kind="perpetrator" env={env} />
        </>
      )}
    </EntriesTab>
  );
}
