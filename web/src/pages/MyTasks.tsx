// "My tasks" (#/tasks): the caller's open tasks across the cases they may see
// (tasks, and the legal deadlines and hearings assigned to them), soonest due
// first, overdue ones marked in words as well as colour, each linking to its
// case's notes, tasks & meetings tab, or its Legal tab.
import { useEffect, useState } from 'preact/hooks';
import { Alert } from '../components/Field';
import { entriesApi, type MyTask } from '../entriesApi';
import { errorMessage } from '../errors';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { LEGAL_KINDS } from '../legalApi';
import { href } from '../router';

type Load = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; tasks: MyTask[] };

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function TaskItem({ task }: { task: MyTask }) {
  const { t, tag } = useI18n();
  const f = task.entry.fields ?? {};
  const kind = task.entry.kind;
  const legal = (LEGAL_KINDS as readonly string[]).includes(kind);
  const dueField = kind === 'hearing' ? 'hearing_on' : 'due_on';
  const due = task.due_on ?? text(f[dueField]);
  const details = text(f['details']);
  const title =
    text(f['title']) ||
    (kind === 'hearing' && text(f['purpose']) ? `${t('form.hearing')} · ${t(`pick.hearing_purpose.${text(f['purpose'])}`)}` : '');
  return (
    <li class={`record task${task.overdue ? ' task--overdue' : ''}`} data-id={task.entry.id}>
      <div class="record-head">
        <strong class="record-title" dir="auto">
          {title || t('entries.entry_id', { id: task.entry.id })}
        </strong>
        {kind !== 'task' ? <span class="badge badge--neutral">{t(`form.${kind}`)}</span> : null}
        {task.overdue ? <span class="badge badge--expired">{t('entries.overdue')}</span> : null}
      </div>
      <dl class="facts facts--record">
        <div>
          <dt>{t(`field.${kind}.${dueField}`)}</dt>
          <dd>{due ? formatDate(due, tag) : t('common.not_recorded')}</dd>
        </div>
        <div>
          <dt>{t('tasks.case')}</dt>
          <dd>
            <a class="ref" href={href(`/cases/${task.case_id}/${legal ? 'legal' : 'notes'}`)}>
              {task.case_reference}
            </a>
          </dd>
        </div>
        {details ? (
          <div class="wide">
            <dt>{t('field.task.details')}</dt>
            <dd dir="auto" class="multiline">
              {details}
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

export function MyTasks() {
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    entriesApi.myTasks().then(
      (tasks) => live && setLoad({ kind: 'ready', tasks }),
      (err) => live && setLoad({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const overdue = load.kind === 'ready' ? load.tasks.filter((x) => x.overdue).length : 0;

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('tasks.title')}
      </h1>
      <p class="lead">{t('tasks.intro')}</p>
      {load.kind === 'loading' ? (
        <p role="status">{t('common.loading')}</p>
      ) : load.kind === 'error' ? (
        <Alert kind="error">
          {errorMessage(t, load.err)}{' '}
          <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </Alert>
      ) : load.tasks.length === 0 ? (
        <p class="muted">{t('tasks.none')}</p>
      ) : (
        <>
          <p class="summary" role="status">
            {t('tasks.summary', { count: load.tasks.length, overdue })}
          </p>
          <ol class="records tasks" aria-labelledby="page-title">
            {load.tasks.map((task) => (
              <TaskItem key={task.entry.id} task={task} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
