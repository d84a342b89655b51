// The library (#/library?kind=sop&country=KH&...): filters that live in the
// address, and every matching document with its newest version, withdrawn
// ones marked as such. The secretariat finds the "publish" button here.
import { SearchStatus, useAddressSearch } from '../../components/AddressSearch';
import { Field, SelectField } from '../../components/Field';
import { REGION_COUNTRIES, REGION_LANGUAGES } from '../../directoryApi';
import { countryName, formatDate, languageName } from '../../format';
import { useI18n } from '../../i18n';
import {
  DOCUMENT_KINDS,
  LIBRARY_QUERY_KEYS,
  downloadHref,
  libraryApi,
  type LibraryQuery,
} from '../../libraryApi';
import { href, type Route } from '../../router';
import { DocStatus, countriesText, fileSize } from './common';

export function LibraryList({ route }: { route: Route }) {
  const { t, tag } = useI18n();
  const { form, state, set, submit, retry } = useAddressSearch(route, '/library', LIBRARY_QUERY_KEYS, (q: LibraryQuery) =>
    libraryApi.list(q).then((r) => ({ items: Array.isArray(r.items) ? r.items : [], canPublish: r.can_publish === true })),
  );

  return (
    <section aria-labelledby="page-title" class="library">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {t('library.title')}
        </h1>
        {state.kind === 'ready' && state.value.canPublish ? (
          <a class="button primary" href={href('/library/new')}>
            {t('library.publish_new')}
          </a>
        ) : null}
      </div>
      <p class="lead">{t('library.intro')}</p>
      <form class="card" onSubmit={submit} role="search" aria-label={t('library.search_label')}>
        <div class="filters">
          <SelectField
            name="kind"
            label={t('library.f_kind')}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`library_kind.${k}`) }))}
            value={form.kind ?? ''}
            onChange={set('kind')}
            emptyLabel={t('library.any_kind')}
          />
          <SelectField
            name="country"
            label={t('library.f_country')}
            options={REGION_COUNTRIES.map((c) => ({ value: c, label: countryName(c, tag) }))}
            value={form.country ?? ''}
            onChange={set('country')}
            emptyLabel={t('library.any_country')}
          />
          <SelectField
            name="language"
            label={t('library.f_language')}
            options={REGION_LANGUAGES.map((c) => ({ value: c, label: languageName(c, tag) }))}
            value={form.language ?? ''}
            onChange={set('language')}
            emptyLabel={t('library.any_language')}
          />
          <SelectField
            name="withdrawn"
            label={t('library.f_withdrawn')}
            options={[{ value: 'exclude', label: t('library.hide_withdrawn') }]}
            value={form.withdrawn ?? ''}
            onChange={set('withdrawn')}
            emptyLabel={t('library.show_withdrawn')}
          />
        </div>
        <Field name="q" label={t('library.f_words')}>
          {(c) => <input {...c} type="search" maxLength={200} value={form.q ?? ''} onInput={(e) => set('q')(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="button primary">
            {t('library.search')}
          </button>
          <a class="button" href={href('/library')}>
            {t('library.clear')}
          </a>
        </div>
      </form>
      <SearchStatus state={state} onRetry={retry} count={(v) => t('library.count', { count: v.items.length })} />
      {state.kind === 'ready' ? (
        <ul class="library-list">
          {state.value.items.map((d) => {
            const v = d.versions[0];
            return (
              <li key={d.id} class={`card${d.status === 'withdrawn' ? ' library-item--withdrawn' : ''}`}>
                <h2>
                  <a href={href(`/library/${d.id}`)} dir="auto">
                    {d.title}
                  </a>
                </h2>
                <p class="meta">
                  <span class="badge badge--neutral">{t(`library_kind.${d.kind}`)}</span> <DocStatus doc={d} />
                  {v ? (
                    <span class="muted">
                      {' '}
                      {t('library.version_line', {
                        number: v.number,
                        language: languageName(v.language, tag),
                        date: formatDate(v.effective_date, tag),
                      })}
                    </span>
                  ) : null}
                </p>
                {v ? (
                  <>
                    <p class="muted small">{t('library.applies_to', { countries: countriesText(v.countries, tag) })}</p>
                    <p>
                      <a href={downloadHref(d.id, v.id)} download={v.filename}>
                        {t('library.download', { file: v.filename, size: fileSize(v.size, tag) })}
                      </a>
                    </p>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
