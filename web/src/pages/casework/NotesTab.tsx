// "Notes, tasks & meetings": case notes (a confidential one is read only by
// its author and the supervisors of the case's organisation; others see that
// it exists), tasks with a due date and an assignee, and meeting minutes.
import type { Case } from '../../api';
import { EntriesTab } from '../../components/entries/EntriesTab';
import { EntrySection } from '../../components/entries/EntrySection';
import type { Entry } from '../../entriesApi';
import { localToday } from '../../format';
import { useI18n } from '../../i18n';

const KINDS = ['note', 'task', 'meeting'] as const;

const dueOf = (e: Entry) => (typeof e.fields?.['due_on'] === 'string' ? (e.fields['due_on'] as string) : '');
const isDone = (e: Entry) => e.fields?.['done'] === true;

export function isOverdue(e: Entry, today = localToday()): boolean {
  const due = dueOf(e);
  return !isDone(e) && due !== '' && due < today;
}

// Open tasks first, soonest due first; done ones after.
function taskOrder(list: Entry[]): Entry[] {
  return list.slice().sort((a, b) => Number(isDone(a)) - Number(isDone(b)) || dueOf(a).localeCompare(dueOf(b)));
}

export function NotesTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  return (
    <EntriesTab
      kase={kase}
      mayChange={mayChange}
      kinds={KINDS}
      id="notes-title"
      title={t('entries.tab_notes')}
      intro={t('entries.notes_intro')}
    >
      {(env) => (
        <>
          <EntrySection
            kind="note"
            env={env}
            intro={t('entries.confidential_hint')}
            badges={(e) =>
              e.fields?.['confidential'] === true ? <span class="badge badge--neutral">{t('entries.confidential')}</span> : null
            }
          />
          <EntrySection
            kind="task"
            env={env}
            show={taskOrder}
            badges={(e) =>
              isDone(e) ? (
                <span class="badge badge--given">{t('entries.done')}</span>
              ) : isOverdue(e) ? (
                <span class="badge badge--expired">{t('entries.overdue')}</span>
              ) : null
            }
          />
          <EntrySection kind="meeting" env={env} />
        </>
      )}
    </EntriesTab>
  );
}
