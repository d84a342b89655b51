// One organisation's directory profile (#/directory/42): what it offers, to
// whom, where, its capacity, liaison officers and agreements. Its own admins
// and supervisors (and the secretariat) get the quick capacity form and a
// link to edit the rest.
import { useEffect, useState } from 'preact/hooks';
import type { Organisation } from '../../api';
import { Alert } from '../../components/Field';
import { directoryApi, type Profile } from '../../directoryApi';
import { errorMessage } from '../../errors';
import { takeFlash } from '../../flash';
import { countryName, formatDate, formatDateTime, languageName } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { loadOrganisations } from '../../session';
import { CapacityForm } from './CapacityForm';
import { CapacityLine, ServiceList } from './common';

type State = { kind: 'loading' } | { kind: 'error'; err: unknown } | { kind: 'ready'; profile: Profile };

export function OrgProfile({ id }: { id: number }) {
  const { t, tag } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [notice] = useState<string | null>(() => takeFlash());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadOrganisations().then((o) => live && setOrgs(o), () => {});
    directoryApi.get(id).then(
      (profile) => live && setState({ kind: 'ready', profile }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  if (state.kind !== 'ready') {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title" tabIndex={-1}>
          {t('dir.profile_title')}
        </h1>
        {state.kind === 'loading' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <Alert kind="error">
            {errorMessage(t, state.err)}{' '}
            <button type="button" class="link" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </Alert>
        )}
        <p>
          <a href={href('/directory')}>{t('dir.back')}</a>
        </p>
      </section>
    );
  }

  const p = state.profile;
  const orgName = (oid: number) => orgs.find((o) => o.id === oid)?.name ?? `#${oid}`;
  const langs = (codes: string[]) => codes.map((c) => languageName(c, tag)).join(', ');
  return (
    <section aria-labelledby="page-title">
      <p>
        <a href={href('/directory')}>{t('dir.back')}</a>
      </p>
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} dir="auto">
          {p.organisation.name}
        </h1>
        {p.can_edit ? (
          <a class="button primary" href={href(`/directory/${p.organisation.id}/edit`)}>
            {t('dir.edit')}
          </a>
        ) : null}
      </div>
      <p class="lead">
        {countryName(p.organisation.country, tag)}
        {p.updated_at ? ` · ${t('dir.profile_updated', { time: formatDateTime(p.updated_at, tag) })}` : ''}
      </p>
      {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      {p.version === 0 ? <Alert kind="info">{t('dir.no_profile')}</Alert> : null}

      <div class="card">
        <h2>{t('dir.capacity')}</h2>
        <p>
          <CapacityLine capacity={p.capacity} />
        </p>
        {p.can_edit ? (
          <CapacityForm profile={p} onSaved={(np) => setState({ kind: 'ready', profile: np })} />
        ) : null}
      </div>

      <dl class="profile-facts">
        <dt>{t('dir.services')}</dt>
        <dd>
          <ServiceList services={p.services} />
        </dd>
        <dt>{t('dir.areas')}</dt>
        <dd>
          {p.areas.length === 0 ? (
            <span class="muted">{t('dir.none_stated')}</span>
          ) : (
            <ul>
              {p.areas.map((a, i) => (
                <li key={i}>
                  {countryName(a.country, tag)}
                  {a.provinces.length > 0 ? (
                    <span dir="auto">{`: ${a.provinces.join(', ')}`}</span>
                  ) : (
                    <span class="muted">{` (${t('dir.whole_country')})`}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('dir.accepts')}</dt>
        <dd>
          {t(`dir_sex.${p.accepts_sex}`)}
          {' · '}
          {t(`dir_age.${p.accepts_age}`)}
        </dd>
        <dt>{t('dir.exploitation')}</dt>
        <dd>
          {p.accepts_exploitation.length === 0
            ? t('dir.none_stated')
            : p.accepts_exploitation.map((e) => t(`dir_exploitation.${e}`)).join(', ')}
        </dd>
        <dt>{t('dir.languages')}</dt>
        <dd>{p.languages.length === 0 ? t('dir.none_stated') : langs(p.languages)}</dd>
        <dt>{t('dir.expertise')}</dt>
        <dd dir="auto">{p.expertise || t('dir.none_stated')}</dd>
        <dt>{t('dir.working_hours')}</dt>
        <dd dir="auto">{p.working_hours || t('dir.none_stated')}</dd>
      </dl>

      <h2>{t('dir.officers')}</h2>
      {p.liaison_officers.length === 0 ? (
        <p class="muted">{t('dir.none_stated')}</p>
      ) : (
        <table class="cases">
          <thead>
            <tr>
              <th scope="col">{t('dir.o_name')}</th>
              <th scope="col">{t('dir.o_title')}</th>
              <th scope="col">{t('dir.o_phone')}</th>
              <th scope="col">{t('dir.o_email')}</th>
              <th scope="col">{t('dir.o_languages')}</th>
            </tr>
          </thead>
          <tbody>
            {p.liaison_officers.map((o, i) => (
              <tr key={i}>
                <td data-label={t('dir.o_name')} dir="auto">
                  {o.name}
                </td>
                <td data-label={t('dir.o_title')} dir="auto">
                  {o.title}
                </td>
                <td data-label={t('dir.o_phone')}>{o.phone ? <a href={`tel:${o.phone.replace(/[^0-9+]/g, '')}`}>{o.phone}</a> : null}</td>
                <td data-label={t('dir.o_email')}>{o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : null}</td>
                <td data-label={t('dir.o_languages')}>{langs(o.languages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('dir.agreements')}</h2>
      {p.agreements.length === 0 ? (
        <p class="muted">{t('dir.none_stated')}</p>
      ) : (
        <table class="cases">
          <thead>
            <tr>
              <th scope="col">{t('dir.a_type')}</th>
              <th scope="col">{t('dir.a_title')}</th>
              <th scope="col">{t('dir.a_partner')}</th>
              <th scope="col">{t('dir.a_signed')}</th>
              <th scope="col">{t('dir.a_expiry')}</th>
            </tr>
          </thead>
          <tbody>
            {p.agreements.map((a, i) => (
              <tr key={i}>
                <td data-label={t('dir.a_type')}>{t(`dir_agreement.${a.type}`)}</td>
                <td data-label={t('dir.a_title')} dir="auto">
                  {a.title}
                </td>
                <td data-label={t('dir.a_partner')}>
                  <a href={href(`/directory/${a.partner_organisation_id}`)} dir="auto">
                    {orgName(a.partner_organisation_id)}
                  </a>
                </td>
                <td data-label={t('dir.a_signed')}>{formatDate(a.signed_date, tag)}</td>
                <td data-label={t('dir.a_expiry')}>{a.expiry_date ? formatDate(a.expiry_date, tag) : t('dir.open_ended')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
