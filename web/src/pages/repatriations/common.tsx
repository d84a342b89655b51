// Pieces shared by the repatriation screens: the status and step-state
// badges, the overdue mark, and a step's responsible side in words.
import { useI18n } from '../../i18n';
import type { RepatriationStatus, StepSide, StepState } from '../../repatriationApi';
import './repatriations.css';

export function RepatriationBadge({ status }: { status: RepatriationStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge--rp-${status}`}>{t(`rp_status.${status}`)}</span>;
}

export function StepBadge({ state }: { state: StepState }) {
  const { t } = useI18n();
  return <span class={`badge badge--st-${state}`}>{t(`rp_state.${state}`)}</span>;
}

// Overdue is said in words, not only shown in red.
export function StepOverdue() {
  const { t } = useI18n();
  return (
    <span class="badge badge--overdue">
      <span aria-hidden="true">{'⚠ '}</span>
      {t('repatriation.overdue')}
    </span>
  );
}

export function SideText({ side }: { side: StepSide }) {
  const { t } = useI18n();
  return <>{t(`rp_side.${side}`)}</>;
}
