// A list of possible existing records (matchingApi.ts): for each case its
// reference (a link to it), who recorded it, the person's names as written,
// how likely the engine finds it that this is the same person, and why, field
// by field, in words. `actions` adds buttons under an item.
import type { ComponentChildren } from 'preact';
import { countryName, formatDate, formatNumber, personName } from '../format';
import { useI18n } from '../i18n';
import { MATCH_FIELDS, bandOf, reasonKey, strengthMarks, strengthOf, type MatchItem, type MatchReason, type MatchedCase } from '../matchingApi';
import { href } from '../router';
import './matches.css';

// A whole percentage that never claims certainty: the engine's 0.9999 (or a
// decision's probability rounded to 1) is "99%", not "100%".
export function formatPercent(p: number, tag: string): string {
  const shown = Math.min(p, 0.99);
  try {
    return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(shown);
  } catch {
    return `${Math.round(shown * 100)}%`;
  }
}

// The engine's reasons, field by field, in words with + / − marks: shared by
// the possible existing records and the family tracing candidates.
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  return (
    <ul class="match-reasons">
      {reasons.map((r) => (
        <Reason key={r.field} r={r} />
      ))}
    </ul>
  );
}

function Reason({ r }: { r: MatchReason }) {
  const { t, tag } = useI18n();
  const key = reasonKey(r);
  const strength = strengthOf(r.weight);
  const field = (MATCH_FIELDS as readonly string[]).includes(r.field) ? t(`match_field.${r.field}`) : r.field;
  return (
    <li class={`match-reason match-reason--${r.weight >= 0 ? 'for' : 'against'}`}>
      <span class="match-marks" aria-hidden="true">
        {strengthMarks(strength)}
      </span>{' '}
      <span>{t('matching.reason_line', { field, reason: key ? t(`match_reason.${key}`) : r.level })}</span>{' '}
      <span class="muted">{`(${t(`match_strength.${strength}`)}, ${t('matching.weight', { weight: formatNumber(r.weight, tag) })})`}</span>
    </li>
  );
}

// The person of a matched case: names in their own script, then birth date
// or age, gender and citizenship.
export function MatchedPerson({ c }: { c: MatchedCase }) {
  const { t, tag } = useI18n();
  const p = c.person;
  const facts = [
    p.birth_date ? t('matching.born', { date: formatDate(p.birth_date, tag) }) : p.approximate_age != null ? t('matching.aged', { age: p.approximate_age }) : '',
    p.gender && p.gender !== 'NonSpecifiedUnknown' ? t(`gender.${p.gender}`) : '',
    (p.citizenship ?? []).map((code) => countryName(code, tag)).join(', '),
  ].filter(Boolean);
  return (
    <>
      <p class="match-name" dir="auto">
        {personName(p)}
      </p>
      {facts.length ? <p class="match-facts muted">{facts.join(' · ')}</p> : null}
    </>
  );
}

export function CaseLink({ c }: { c: MatchedCase }) {
  const { t } = useI18n();
  return (
    <span class="match-case">
      <a class="ref" href={href(`/cases/${c.id}`)}>
        {c.reference}
      </a>{' '}
      <span class="muted" dir="auto">
        {t('matching.owner', { organisation: c.owner.name })}
      </span>
      {c.status === 'closed' ? (
        <>
          {' '}
          <span class="badge badge--closed">{t('status.closed')}</span>
        </>
      ) : null}
    </span>
  );
}

export function PossibleMatches({
  items,
  label,
  actions,
}: {
  items: MatchItem[];
  label: string;
  actions?: (m: MatchItem) => ComponentChildren;
}) {
  const { t, tag } = useI18n();
  return (
    <ul class="matches" aria-label={label}>
      {items.map((m) => {
        const band = bandOf(m.probability);
        return (
          <li key={m.case.id} class="match card">
            <div class="match-head">
              <CaseLink c={m.case} />
              <span class={`badge badge--match-${band}`}>{t(`match_band.${band}`)}</span>
            </div>
            <MatchedPerson c={m.case} />
            <p class="match-probability muted">{t('matching.estimate', { percent: formatPercent(m.probability, tag) })}</p>
            {m.reasons.length ? (
              <>
                <p class="match-why">{t('matching.why')}</p>
                <MatchReasons reasons={m.reasons} />
              </>
            ) : null}
            {m.link?.decision === 'same' ? <p class="badge badge--match-linked">{t('matching.linked_badge')}</p> : null}
            {actions ? actions(m) : null}
          </li>
        );
      })}
    </ul>
  );
}
