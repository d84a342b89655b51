// The directory (#/directory?service=legal_aid&country=KH&...): a search form
// whose criteria live in the address (so a search can be linked and the back
// button works), and the organisations ranked by fit as the API orders them,
// each with its capacity and which criteria it met.
import { SearchStatus, useAddressSearch } from '../../components/AddressSearch';
import { Field, SelectField } from '../../components/Field';
import {
  directoryApi,
  EXPLOITATIONS,
  QUERY_KEYS,
  REGION_COUNTRIES,
  REGION_LANGUAGES,
  SEEKER_AGE,
  SEEKER_SEX,
  SERVICES,
  type DirectoryQuery,
  type SearchHit,
} from '../../directoryApi';
import { countryName, languageName } from '../../format';
import { useI18n } from '../../i18n';
import { href, type Route } from '../../router';
import { useUser } from '../../session';
import { CapacityLine, ServiceList, codeOptions, options } from './common';

export function DirectorySearch({ route }: { route: Route }) {
  const { t, tag } = useI18n();
  const user = useUser();
  const { form, state, set, submit, retry } = useAddressSearch(route, '/directory', QUERY_KEYS, (q: DirectoryQuery) =>
    directoryApi.search(q).then((r) => (Array.isArray(r.items) ? r.items : [])),
  );

  return (
    <section aria-labelledby="page-title" class="directory-search">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('dir.title')}
        </h1>
        <a class="button" href={href(`/directory/${user.organisation.id}`)}>
          {t('dir.own_profile')}
        </a>
      </div>
      <p class="lead">{t('dir.intro')}</p>
      <form class="card" onSubmit={submit} role="search" aria-label={t('dir.search_label')}>
        <div class="filters">
          <SelectField
            name="service"
            label={t('dir.f_service')}
            options={options(t, 'dir_service', SERVICES)}
            value={form.service ?? ''}
            onChange={set('service')}
            emptyLabel={t('dir.any_service')}
          />
          <SelectField
            name="country"
            label={t('dir.f_country')}
            options={codeOptions(REGION_COUNTRIES, [form.country ?? ''], (c) => countryName(c, tag))}
            value={form.country ?? ''}
            onChange={set('country')}
            emptyLabel={t('dir.any_country')}
          />
          <SelectField
            name="sex"
            label={t('dir.f_sex')}
            options={options(t, 'dir_seeker_sex', SEEKER_SEX)}
            value={form.sex ?? ''}
            onChange={set('sex')}
            emptyLabel={t('dir.not_given')}
          />
          <SelectField
            name="age"
            label={t('dir.f_age')}
            options={options(t, 'dir_seeker_age', SEEKER_AGE)}
            value={form.age ?? ''}
            onChange={set('age')}
            emptyLabel={t('dir.not_given')}
          />
          <SelectField
            name="exploitation"
            label={t('dir.f_exploitation')}
            options={options(t, 'dir_exploitation', EXPLOITATIONS)}
            value={form.exploitation ?? ''}
            onChange={set('exploitation')}
            emptyLabel={t('dir.not_given')}
          />
          <SelectField
            name="language"
            label={t('dir.f_language')}
            options={codeOptions(REGION_LANGUAGES, [form.language ?? ''], (c) => languageName(c, tag))}
            value={form.language ?? ''}
            onChange={set('language')}
            emptyLabel={t('dir.not_given')}
          />
        </div>
        <Field name="q" label={t('dir.f_words')} hint={t('dir.f_words_hint')}>
          {(c) => (
            <input {...c} type="search" maxLength={200} value={form.q ?? ''} onInput={(e) => set('q')(e.currentTarget.value)} />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="button primary">
            {t('dir.search')}
          </button>
          <a class="button" href={href('/directory')}>
            {t('dir.clear')}
          </a>
        </div>
      </form>
      <SearchStatus state={state} onRetry={retry} count={(items) => t('dir.result_count', { count: items.length })} />
      {state.kind === 'ready' && state.value.length > 0 ? (
        <ol class="dir-results">
          {state.value.map((h) => (
            <li key={h.organisation.id} class="card" data-org-id={h.organisation.id}>
              <h2>
                <a href={href(`/directory/${h.organisation.id}`)} dir="auto">
                  {h.organisation.name}
                </a>
              </h2>
              <p class="muted small">{countryName(h.organisation.country, tag)}</p>
              <ServiceList services={h.services} />
              <p>
                <CapacityLine capacity={h.capacity} />
              </p>
              <Why hit={h} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

// Which criteria the organisation met and which it did not.
function Why({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  if (hit.matched.length === 0 && hit.missed.length === 0) return null;
  return (
    <div class="small">
      <span>{t('dir.why', { score: hit.score })}</span>
      <ul class="why">
        {hit.matched.map((c) => (
          <li key={c} class="met">
            {c === 'text' && hit.words.length > 0
              ? t('dir.words_found', { words: hit.words.join(', ') })
              : t(`dir_criterion.${c}`)}
          </li>
        ))}
        {hit.missed.map((c) => (
          <li key={c} class="missed">
            <span class="visually-hidden">{t('dir.not_met')} </span>
            {t(`dir_criterion.${c}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
