// What the sending organisation shared, read-only: the person, identification
// decisions and the case entries of the shared kinds, as they are now. The
// server gives nothing else of the sender's case.
import { joinList, valueText } from '../../components/entries/display';
import { fieldLabel, formLabel } from '../../components/entries/draft';
import { entriesApi, type CaseForm, type Entry } from '../../entriesApi';
import { countryName, formatDate, formatDateTime, languageName, personName } from '../../format';
import { useI18n } from '../../i18n';
import { referralsApi, type SharedCase } from '../../referralsApi';
import { loadOrganisations, useUser } from '../../session';
import { WhenLoaded, useLoaded } from '../casework/common';
import type { Organisation, Person } from '../../api';
import { partLabel } from './common';

interface Loaded {
  shared: SharedCase;
  forms: CaseForm[];
  orgs: Organisation[] | null;
}

function PersonFacts({ person }: { person: Person }) {
  const { t, tag } = useI18n();
  const rows: Array<[string, string]> = [];
  const name = personName(person);
  if (name) rows.push([t('referrals.person_name'), name]);
  if (person.birth_date) rows.push([t('person.birth_date'), formatDate(person.birth_date, tag)]);
  else if (person.approximate_age !== null && person.approximate_age !== undefined)
    rows.push([t('person.approximate_age'), String(person.approximate_age)]);
  if (person.gender) rows.push([t('person.gender'), t(`gender.${person.gender}`)]);
  if (person.citizenship?.length) rows.push([t('person.citizenship'), joinList(person.citizenship.map((c) => countryName(c, tag)), tag)]);
  if (person.languages?.length) rows.push([t('person.languages'), joinList(person.languages.map((l) => languageName(l, tag)), tag)]);
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd dir="auto">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EntryFacts({ form, entry, env }: { form: CaseForm; entry: Entry; env: Parameters<typeof valueText>[2] }) {
  const { t, tag } = useI18n();
  const fields = entry.fields ?? {};
  return (
    <li class="record" data-kind={entry.kind}>
      <dl class="facts facts--record">
        {form.fields.map((f) => {
          const v = fields[f.name];
          if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
          return (
            <div key={f.name} class={f.type === 'text' || f.type === 'choices' ? 'wide' : undefined}>
              <dt>{fieldLabel(t, form.kind, f.name)}</dt>
              <dd dir={f.type === 'line' || f.type === 'text' ? 'auto' : undefined} class={f.type === 'text' ? 'multiline' : undefined}>
                {valueText(t, tag, env, f, v)}
              </dd>
            </div>
          );
        })}
      </dl>
      <p class="muted small">{t('referrals.entry_recorded', { when: formatDateTime(entry.created_at, tag) })}</p>
    </li>
  );
}

export function SharedParts({ referralId }: { referralId: number }) {
  const { t, tag } = useI18n();
  const me = useUser();
  const { state, retry } = useLoaded<Loaded>(async () => {
    const [shared, forms] = await Promise.all([referralsApi.shared(referralId), entriesApi.forms()]);
    const orgs = await loadOrganisations().catch(() => null);
    return { shared, forms, orgs };
  }, [referralId]);

  return (
    <section aria-labelledby="shared-title">
      <h2 id="shared-title">{t('referrals.shared_title')}</h2>
      <p>{t('referrals.shared_intro')}</p>
      <WhenLoaded loaded={state} onRetry={retry}>
        {({ shared, forms, orgs }) => {
          const env = { users: null, orgs, entries: shared.entries, forms, me };
          const entryKinds = shared.parts.filter((p) => p !== 'person' && p !== 'identification');
          return (
            <>
              {shared.parts.includes('person') && shared.person ? (
                <>
                  <h3>{partLabel(t, 'person')}</h3>
                  <PersonFacts person={shared.person} />
                </>
              ) : null}
              {shared.parts.includes('identification') ? (
                <>
                  <h3>{partLabel(t, 'identification')}</h3>
                  {shared.identifications.length === 0 ? (
                    <p class="muted">{t('referrals.shared_none')}</p>
                  ) : (
                    <ul class="records">
                      {shared.identifications.map((d) => (
                        <li key={d.id} class="record">
                          <div class="record-head">
                            <strong>{t(`idstatus.${d.status}`)}</strong>
                            {d.team_meeting ? <span class="badge badge--neutral">{t('identification.team_meeting_badge')}</span> : null}
                          </div>
                          <dl class="facts facts--record">
                            <div>
                              <dt>{t('identification.decided_by')}</dt>
                              <dd>{t(`decider.${d.decided_by_org_type}`)}</dd>
                            </div>
                            <div>
                              <dt>{t('identification.decided_on')}</dt>
                              <dd>{formatDate(d.decided_on, tag)}</dd>
                            </div>
                            {d.reasons ? (
                              <div class="wide">
                                <dt>{t('identification.reasons')}</dt>
                                <dd dir="auto" class="multiline">
                                  {d.reasons}
                                </dd>
                              </div>
                            ) : null}
                          </dl>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ) : null}
              {entryKinds.map((kind) => {
                const form = forms.find((f) => f.kind === kind);
                const items = shared.entries.filter((e) => e.kind === kind && !e.restricted && e.fields);
                return (
                  <div key={kind} class="shared-kind" data-kind={kind}>
                    <h3>{formLabel(t, kind)}</h3>
                    {items.length === 0 || !form ? (
                      <p class="muted">{t('referrals.shared_none')}</p>
                    ) : (
                      <ul class="records">
                        {items.map((e) => (
                          <EntryFacts key={e.id} form={form} entry={e} env={env} />
                        ))}
                      </ul>
                    )}
                  </div>
                );
              })}
            </>
          );
        }}
      </WhenLoaded>
    </section>
  );
}
