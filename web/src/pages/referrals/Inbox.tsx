// The organisation's referral inbox (#/referrals?box=incoming|outgoing|overdue):
// referrals it received, referrals it sent, and those of either past their
// respond-by day without an answer.
import { useI18n } from '../../i18n';
import { handlesReferrals } from '../../permissions';
import { referralsApi, type Referral } from '../../referralsApi';
import { href, type Route } from '../../router';
import { useUser } from '../../session';
import { WhenLoaded, useLoaded } from '../casework/common';
import { ReferralTable } from './common';

const BOXES = ['incoming', 'outgoing', 'overdue'] as const;
type Box = (typeof BOXES)[number];

function fetchBox(box: Box): Promise<Referral[]> {
  return box === 'overdue' ? referralsApi.inbox('all', true) : referralsApi.inbox(box, false);
}

export function Inbox({ route }: { route: Route }) {
  const { t } = useI18n();
  const user = useUser();
  const asked = route.query.get('box');
  const box: Box = BOXES.find((b) => b === asked) ?? 'incoming';
  const allowed = handlesReferrals(user.role);
  const { state, retry } = useLoaded(() => (allowed ? fetchBox(box) : Promise.resolve([])), [box, allowed]);

  const heading = (
    <h1 id="page-title" tabIndex={-1}>
      {t('referrals.inbox_title')}
    </h1>
  );
  if (!allowed) {
    return (
      <section aria-labelledby="page-title">
        {heading}
        <p>{t('referrals.not_allowed')}</p>
      </section>
    );
  }

  const labels: Record<Box, string> = {
    incoming: t('referrals.box_incoming'),
    outgoing: t('referrals.box_outgoing'),
    overdue: t('referrals.box_overdue'),
  };
  const empty: Record<Box, string> = {
    incoming: t('referrals.empty_incoming'),
    outgoing: t('referrals.empty_outgoing'),
    overdue: t('referrals.empty_overdue'),
  };

  return (
    <section aria-labelledby="page-title">
      {heading}
      <p class="lead">{t('referrals.inbox_intro')}</p>
      <nav class="tabs" aria-label={t('referrals.boxes_label')}>
        <ul>
          {BOXES.map((b) => (
            <li key={b}>
              <a href={href('/referrals', { box: b })} aria-current={b === box ? 'page' : undefined}>
                {labels[b]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{labels[box]}</h2>
      <WhenLoaded loaded={state} onRetry={retry}>
        {(items) =>
          items.length === 0 ? (
            <p class="summary">{empty[box]}</p>
          ) : (
            <>
              <p class="summary">{t('referrals.count', { count: items.length })}</p>
              <ReferralTable items={items} showDirection={box === 'overdue'} />
            </>
          )
        }
      </WhenLoaded>
    </section>
  );
}
