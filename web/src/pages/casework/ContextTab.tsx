// "Victim context & documents": the one victim context of the case (HTCDS
// education, recruitment, control and exploitation) and the person's identity
// documents, including who holds them.
import type { Case } from '../../api';
import { EntriesTab } from '../../components/entries/EntriesTab';
import { EntrySection } from '../../components/entries/EntrySection';
import { useI18n } from '../../i18n';

const KINDS = ['victim_context', 'identity_document'] as const;

export function ContextTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  return (
    <EntriesTab
      kase={kase}
      mayChange={mayChange}
      kinds={KINDS}
      id="context-title"
      title={t('entries.tab_context')}
      intro={t('entries.context_intro')}
    >
      {(env) => KINDS.map((kind) => <EntrySection key={kind} kind={kind} env={env} />)}
    </EntriesTab>
  );
}
