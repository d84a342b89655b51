// "Support": needs assessments, the support plan (objectives, each with its
// actions listed under it) and the services given (shelter stays, medical
// care, allowances...).
import type { Case } from '../../api';
import { EntriesTab } from '../../components/entries/EntriesTab';
import { EntryCard } from '../../components/entries/EntryCard';
import { EntrySection } from '../../components/entries/EntrySection';
import { findForm, type EntryEnv } from '../../components/entries/env';
import type { Entry } from '../../entriesApi';
import { useI18n } from '../../i18n';

const KINDS = ['needs_assessment', 'support_objective', 'support_action', 'service'] as const;

const objectiveOf = (e: Entry) => e.fields?.['objective'];

function Actions({ env, objective }: { env: EntryEnv; objective: Entry }) {
  const { t } = useI18n();
  const form = findForm(env, 'support_action');
  const actions = env.entries.filter((e) => e.kind === 'support_action' && objectiveOf(e) === objective.id);
  if (!form || actions.length === 0) return null;
  const id = `objective-${objective.id}-actions`;
  return (
    <div class="objective-actions">
      <h4 id={id}>{t('entries.actions_of_objective')}</h4>
      <ol class="records entries entries--support_action" aria-labelledby={id}>
        {actions.map((a) => (
          <EntryCard key={a.id} form={form} env={env} entry={a} />
        ))}
      </ol>
    </div>
  );
}

export function SupportTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  return (
    <EntriesTab
      kase={kase}
      mayChange={mayChange}
      kinds={KINDS}
      id="support-title"
      title={t('entries.tab_support')}
      intro={t('entries.support_intro')}
    >
      {(env) => {
        const objectiveIds = new Set(env.entries.filter((e) => e.kind === 'support_objective').map((e) => e.id));
        return (
          <>
            <EntrySection kind="needs_assessment" env={env} />
            <EntrySection kind="support_objective" env={env} below={(o) => <Actions env={env} objective={o} />} />
            {/* Actions are listed under their objective; here only those whose
                objective this user cannot see, and the form to add one. */}
            <EntrySection
              kind="support_action"
              env={env}
              intro={t('entries.actions_intro')}
              empty={null}
              show={(list) => list.filter((a) => !objectiveIds.has(Number(objectiveOf(a))))}
            />
            <EntrySection kind="service" env={env} />
          </>
        );
      }}
    </EntriesTab>
  );
}
