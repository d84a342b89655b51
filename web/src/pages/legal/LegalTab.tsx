// "Legal" on the case page: criminal proceedings with their hearings, labour
// and civil claims with the amounts awarded and paid and each payment's
// confirmation, the person as witness (protection, attendance, stay permit,
// the hearings where they testify), and deadlines. The records are case
// entries drawn from their forms; payments come from the case's payments.
import type { Case } from '../../api';
import { EntriesTab } from '../../components/entries/EntriesTab';
import { EntrySection } from '../../components/entries/EntrySection';
import type { EntryEnv } from '../../components/entries/env';
import type { Entry } from '../../entriesApi';
import { formatDate, localToday } from '../../format';
import { useI18n } from '../../i18n';
import { LEGAL_KINDS, legalApi, type Payment } from '../../legalApi';
import { WhenLoaded, useLoaded } from '../casework/common';
import { ClaimPayments } from './ClaimPayments';

const str = (e: Entry, name: string) => (typeof e.fields?.[name] === 'string' ? (e.fields[name] as string) : '');

// Hearings in date order, the next one first among those to come.
const byDate = (list: Entry[]) => list.slice().sort((a, b) => str(a, 'hearing_on').localeCompare(str(b, 'hearing_on')));

const isDone = (e: Entry) => e.fields?.['done'] === true;
const deadlineOrder = (list: Entry[]) =>
  list.slice().sort((a, b) => Number(isDone(a)) - Number(isDone(b)) || str(a, 'due_on').localeCompare(str(b, 'due_on')));

function HearingDates({ hearings }: { hearings: Entry[] }) {
  const { t, tag } = useI18n();
  if (hearings.length === 0) return null;
  return (
    <div class="hearing-dates">
      <p class="small">
        <strong>{t('legal.hearings_of')}</strong>
      </p>
      <ul class="plain-list">
        {byDate(hearings).map((h) => (
          <li key={h.id}>
            {formatDate(str(h, 'hearing_on'), tag)} · {t(`pick.hearing_purpose.${str(h, 'purpose')}`)}
            {str(h, 'outcome') ? ` · ${t(`pick.hearing_outcome.${str(h, 'outcome')}`)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Sections({ env, payments, onRecorded }: { env: EntryEnv; payments: Payment[]; onRecorded: (p: Payment) => void }) {
  const { t } = useI18n();
  const today = localToday();
  const hearings = env.entries.filter((e) => e.kind === 'hearing');
  return (
    <>
      <EntrySection
        kind="criminal_proceeding"
        env={env}
        badges={(e) => (str(e, 'verdict') ? <span class="badge badge--neutral">{t(`pick.verdict.${str(e, 'verdict')}`)}</span> : null)}
        below={(e) => <HearingDates hearings={hearings.filter((h) => h.fields?.['proceeding'] === e.id)} />}
      />
      <EntrySection
        kind="hearing"
        env={env}
        show={byDate}
        badges={(e) =>
          str(e, 'outcome') ? (
            <span class="badge badge--neutral">{t(`pick.hearing_outcome.${str(e, 'outcome')}`)}</span>
          ) : str(e, 'hearing_on') >= today ? (
            <span class="badge badge--given">{t('legal.upcoming')}</span>
          ) : null
        }
      />
      <EntrySection
        kind="claim"
        env={env}
        badges={(e) => <span class="badge badge--neutral">{t(`pick.claim_status.${str(e, 'status')}`)}</span>}
        below={(e) => (
          <ClaimPayments claim={e} env={env} payments={payments.filter((p) => p.claim_id === e.id)} onRecorded={onRecorded} />
        )}
      />
      <EntrySection
        kind="witness"
        env={env}
        intro={t('legal.witness_intro')}
        below={() => <HearingDates hearings={hearings.filter((h) => h.fields?.['victim_testifies'] === true)} />}
      />
      <EntrySection
        kind="legal_deadline"
        env={env}
        intro={t('legal.deadlines_intro')}
        show={deadlineOrder}
        badges={(e) =>
          isDone(e) ? (
            <span class="badge badge--given">{t('entries.done')}</span>
          ) : str(e, 'due_on') && str(e, 'due_on') < today ? (
            <span class="badge badge--expired">{t('entries.overdue')}</span>
          ) : null
        }
      />
    </>
  );
}

export function LegalTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t } = useI18n();
  const payments = useLoaded(() => legalApi.casePayments(kase.id), [kase.id]);
  return (
    <EntriesTab kase={kase} mayChange={mayChange} kinds={LEGAL_KINDS} id="legal-title" title={t('legal.tab')} intro={t('legal.intro')}>
      {(env) => (
        <WhenLoaded loaded={payments.state} onRetry={payments.retry}>
          {(list) => <Sections env={env} payments={list} onRecorded={(p) => payments.update((l) => [...l, p])} />}
        </WhenLoaded>
      )}
    </EntriesTab>
  );
}
