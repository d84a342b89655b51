// Screening on the case page: choose an indicator set and the person's group,
// tick what was observed (with notes), and read the evaluation the server
// explains; past screenings newest first, each opening to its evaluation.
// Screening informs identification; it never decides it.
import { useEffect, useState } from 'preact/hooks';
import {
  api,
  PERSON_GROUPS,
  type Case,
  type Evaluation,
  type Indicator,
  type IndicatorSet,
  type PersonGroup,
  type Screening,
} from '../../api';
import { Alert, Field, RadioGroup } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { formatDateTime, isChild } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { loadIndicatorSet, loadIndicatorSets } from '../../session';
import { English, generalText, Labelled, pickLabel, useLoaded, WhenLoaded, type Loaded } from './common';

const NOTE_MAX = 2000;

// The set's details for labels, loaded once per session per set.
function useIndicatorSet(id: string | null): Loaded<IndicatorSet> | null {
  const [state, setState] = useState<Loaded<IndicatorSet> | null>(null);
  useEffect(() => {
    if (!id) {
      setState(null);
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    loadIndicatorSet(id).then(
      (value) => live && setState({ kind: 'ready', value }),
      (err) => live && setState({ kind: 'error', err }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}

function GradeBadge({ grade }: { grade: Indicator['grade'] }) {
  const { t } = useI18n();
  if (!grade) return null;
  return <span class={`grade grade--${grade}`}>{t(`grade.${grade}`)}</span>;
}

function OutcomeBadge({ outcome }: { outcome: Evaluation['outcome'] }) {
  const { t } = useI18n();
  return <span class={`badge badge--outcome-${outcome}`}>{t(`outcome.${outcome}`)}</span>;
}

// The evaluation as the server explained it; labels from the set where it has them.
export function EvaluationView({ evaluation, set }: { evaluation: Evaluation; set: IndicatorSet | null }) {
  const { t, tag } = useI18n();
  const dimensionLabel = (id: string, fallback: string) => set?.dimensions.find((d) => d.id === id)?.label ?? fallback;
  return (
    <div class="evaluation">
      <p class="outcome">
        <span class="outcome-label">{t('screening.outcome')}</span> <OutcomeBadge outcome={evaluation.outcome} />
      </p>
      {evaluation.summary ? <English text={evaluation.summary} class="summary-text" /> : null}
      {evaluation.dimensions?.length ? (
        <table class="dimensions">
          <caption>{t('screening.dimensions_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screening.col_dimension')}</th>
              <th scope="col">{t('screening.col_result')}</th>
              <th scope="col">{t('screening.col_observed')}</th>
              <th scope="col">{t('screening.col_explanation')}</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.dimensions.map((d) => (
              <tr key={d.dimension_id} class={d.positive ? 'positive' : undefined}>
                <th scope="row" data-label={t('screening.col_dimension')}>
                  <Labelled label={dimensionLabel(d.dimension_id, d.label)} />
                </th>
                <td data-label={t('screening.col_result')}>
                  <span class={`badge badge--${d.positive ? 'positive' : 'negative'}`}>
                    {d.positive ? t('screening.positive') : t('screening.not_positive')}
                  </span>
                </td>
                <td data-label={t('screening.col_observed')}>
                  {t('screening.counts', {
                    strong: new Intl.NumberFormat(tag).format(d.counts?.strong ?? 0),
                    medium: new Intl.NumberFormat(tag).format(d.counts?.medium ?? 0),
                    weak: new Intl.NumberFormat(tag).format(d.counts?.weak ?? 0),
                  })}
                </td>
                <td data-label={t('screening.col_explanation')}>
                  <English text={d.explanation} as="span" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {evaluation.requirements?.length ? (
        <>
          <h4>{t('screening.requirements')}</h4>
          <ul class="requirements">
            {evaluation.requirements.map((r) => (
              <li key={r.name}>
                <span class={`badge badge--${r.met ? 'positive' : 'negative'}`}>
                  {r.met ? t('screening.met') : t('screening.not_met')}
                </span>{' '}
                <English text={r.explanation || r.name} as="span" />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function ObservationList({ screening, set }: { screening: Screening; set: IndicatorSet | null }) {
  const { t, tag } = useI18n();
  const label = (id: string) => set?.indicators.find((i) => i.id === id)?.label ?? id;
  const grade = (id: string) => set?.indicators.find((i) => i.id === id)?.grade ?? null;
  return (
    <>
      <h4>{t('screening.observed_title')}</h4>
      {screening.observations?.length ? (
        <ul class="observations">
          {screening.observations.map((o, i) => (
            <li key={`${o.indicator_id}-${i}`}>
              <Labelled label={label(o.indicator_id)} /> <GradeBadge grade={grade(o.indicator_id)} />
              {o.note ? (
                <p class="note-text multiline" dir="auto">
                  {o.note}
                </p>
              ) : null}
              <p class="muted small">
                {t('case.by', { when: formatDateTime(o.observed_at, tag), who: o.observed_by?.display_name ?? '' })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('screening.nothing_observed')}</p>
      )}
    </>
  );
}

function ScreeningBody({ screening }: { screening: Screening }) {
  const { t, tag } = useI18n();
  const set = useIndicatorSet(screening.set_id);
  const value = set?.kind === 'ready' ? set.value : null;
  return (
    <div class="screening-body">
      <p class="muted">
        {t('screening.recorded_by', {
          when: formatDateTime(screening.created_at, tag),
          who: screening.created_by?.display_name ?? '',
          group: t(`group.${screening.person_group}`),
        })}
      </p>
      {screening.evaluation ? <EvaluationView evaluation={screening.evaluation} set={value} /> : null}
      <ObservationList screening={screening} set={value} />
    </div>
  );
}

function PastScreening({ screening, open: initiallyOpen }: { screening: Screening; open: boolean }) {
  const { tag } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <li class="record screening" data-id={screening.id}>
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <span class="record-title">
            <Labelled label={screening.set_title} />
          </span>{' '}
          {screening.evaluation ? <OutcomeBadge outcome={screening.evaluation.outcome} /> : null}{' '}
          <span class="muted">{formatDateTime(screening.created_at, tag)}</span>
        </summary>
        {open ? <ScreeningBody screening={screening} /> : null}
      </details>
    </li>
  );
}

interface Ticked {
  [indicatorId: string]: string; // the note; present means observed
}

function Checklist({
  set,
  ticked,
  onChange,
  errors,
  groupError,
}: {
  set: IndicatorSet;
  ticked: Ticked;
  onChange: (t: Ticked) => void;
  errors: FieldErrors;
  groupError: string | undefined;
}) {
  const { t, lang } = useI18n();
  const toggle = (id: string, on: boolean) => {
    const next = { ...ticked };
    if (on) next[id] = next[id] ?? '';
    else delete next[id];
    onChange(next);
  };
  const item = (ind: Indicator) => {
    const checked = ind.id in ticked;
    const name = pickLabel(ind.label, lang);
    const err = errors[`indicator:${ind.id}`];
    const noteErr = errors[`note:${ind.id}`];
    const id = `ind-${ind.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    return (
      <li key={ind.id} class={`indicator${checked ? ' indicator--on' : ''}${err || noteErr ? ' field--invalid' : ''}`}>
        <label class="choice" for={id}>
          <input
            type="checkbox"
            id={id}
            name="indicator"
            value={ind.id}
            checked={checked}
            aria-invalid={err || groupError ? 'true' : undefined}
            aria-describedby={err ? `${id}-error` : groupError ? 'f-observations-error' : undefined}
            onChange={(e) => toggle(ind.id, e.currentTarget.checked)}
          />
          <span lang={name.lang}>{name.text}</span> <GradeBadge grade={ind.grade} />
        </label>
        {err ? (
          <p class="field-error" id={`${id}-error`}>
            {err}
          </p>
        ) : null}
        {checked ? (
          <div class="indicator-note">
            {noteErr ? (
              <p class="field-error" id={`${id}-note-error`}>
                {noteErr}
              </p>
            ) : null}
            <textarea
              id={`${id}-note`}
              name={`note-${ind.id}`}
              rows={2}
              dir="auto"
              maxLength={NOTE_MAX}
              aria-label={t('screening.note_for', { indicator: name.text })}
              placeholder={t('screening.note_placeholder')}
              aria-invalid={noteErr ? 'true' : undefined}
              aria-describedby={noteErr ? `${id}-note-error` : undefined}
              value={ticked[ind.id]}
              onInput={(e) => onChange({ ...ticked, [ind.id]: e.currentTarget.value })}
            />
          </div>
        ) : null}
      </li>
    );
  };

  const groups: Array<{ id: string; label: IndicatorSet['title'] | null; items: Indicator[] }> =
    set.kind === 'dimensions' && set.dimensions?.length
      ? set.dimensions.map((d) => ({ id: d.id, label: d.label, items: set.indicators.filter((i) => i.dimension_id === d.id) }))
      : [{ id: '', label: null, items: set.indicators }];
  const count = Object.keys(ticked).length;

  return (
    <fieldset class={`checklist${groupError ? ' field--invalid' : ''}`} id="f-observations">
      <legend>{t('screening.observed_legend')}</legend>
      <p class="hint" id="f-observations-hint">
        {t('screening.observed_hint')}{' '}
        <span role="status">{t('screening.ticked_count', { count })}</span>
      </p>
      {groupError ? (
        <p class="field-error" id="f-observations-error">
          {groupError}
        </p>
      ) : null}
      {groups.map((g) => (
        <div key={g.id || 'all'} class="dimension-group">
          {g.label ? (
            <h4 class="dimension-title">
              <Labelled label={g.label} />
            </h4>
          ) : null}
          <ul class="indicators">{g.items.map(item)}</ul>
        </div>
      ))}
    </fieldset>
  );
}

export function ScreeningTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t, lang } = useI18n();
  const screenings = useLoaded(() => api.listScreenings(kase.id).then((r) => r.items ?? []), [kase.id]);
  const sets = useLoaded(() => (mayChange ? loadIndicatorSets() : Promise.resolve([])), [mayChange]);

  const [setId, setSetId] = useState('');
  const [group, setGroup] = useState<PersonGroup | ''>(() => (isChild(kase.person ?? {}) ? 'child' : 'adult'));
  const [ticked, setTicked] = useState<Ticked>({});
  const [sent, setSent] = useState<string[]>([]); // indicator ids in the order last sent
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Screening | null>(null);
  const chosen = useIndicatorSet(setId || null);

  // Server errors name `observations[i].indicator_id` / `.note`: back to the indicator sent at i.
  const split = saveError ? splitError(t, saveError, ['set_id', 'person_group', 'observations']) : null;
  const errors: FieldErrors = { ...clientErrors };
  if (split) {
    for (const [k, v] of Object.entries(split.fields)) errors[k] = v;
    const raw = (saveError as { field?: string }).field ?? '';
    const m = /^observations\[(\d+)\]\.(indicator_id|note)$/.exec(raw);
    const id = m ? sent[Number(m[1])] : undefined;
    if (m && id && id in ticked) {
      errors[m[2] === 'note' ? `note:${id}` : `indicator:${id}`] = errors['observations'] ?? '';
      delete errors['observations'];
    }
  }

  const summaries = sets.state.kind === 'ready' ? sets.state.value : [];
  const chosenSummary = summaries.find((s) => s.id === setId);
  const untranslated = chosenSummary && !chosenSummary.languages?.includes(lang) && lang !== 'en';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setSaveError(null);
    setResult(null);
    const found: FieldErrors = {};
    if (!setId) found['set_id'] = t('screening.v_set');
    if (!group) found['person_group'] = t('screening.v_group');
    const ids = chosen?.kind === 'ready' ? chosen.value.indicators.map((i) => i.id).filter((id) => id in ticked) : [];
    if (setId && ids.length === 0) found['observations'] = t('screening.v_observations');
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !group) {
      focusFirstError();
      return;
    }
    setSent(ids);
    setBusy(true);
    try {
      const created = await api.recordScreening(kase.id, {
        set_id: setId,
        person_group: group,
        observations: ids.map((id) => ({ indicator_id: id, note: (ticked[id] ?? '').trim() })),
      });
      screenings.update((list) => [created, ...list.filter((s) => s.id !== created.id)]);
      setResult(created);
      setTicked({});
      setTimeout(() => {
        const el = document.getElementById('screening-result-title');
        el?.scrollIntoView({ block: 'start' });
        el?.focus();
      }, 0);
    } catch (err) {
      setSaveError(err);
      focusFirstError();
    }
    setBusy(false);
  };

  return (
    <section class="tab-panel" aria-labelledby="screening-title">
      <h2 id="screening-title">{t('screening.title')}</h2>
      <p class="note informs" id="screening-informs">
        {t('screening.informs')}{' '}
        <a href={href(`/cases/${kase.id}/identification`)}>{t('screening.to_identification')}</a>
      </p>

      {result ? (
        <div class="card result" aria-labelledby="screening-result-title">
          <h3 id="screening-result-title" tabIndex={-1}>
            {t('screening.result_title')}
          </h3>
          <Alert kind="success">{t('screening.recorded_notice')}</Alert>
          {result.evaluation ? (
            <EvaluationView evaluation={result.evaluation} set={chosen?.kind === 'ready' ? chosen.value : null} />
          ) : null}
          <div class="actions">
            <button type="button" onClick={() => setResult(null)}>
              {t('screening.another')}
            </button>
          </div>
        </div>
      ) : null}

      {mayChange && !result ? (
        <form class="card casework-form" onSubmit={submit} noValidate aria-labelledby="screening-form-title">
          <h3 id="screening-form-title">{t('screening.form_title')}</h3>
          {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
          <fieldset class="plain" disabled={busy}>
            <div>
              <Field
                name="set_id"
                label={t('screening.set')}
                hint={untranslated ? t('screening.set_english_only') : undefined}
                error={errors['set_id'] ?? (sets.state.kind === 'error' ? t('screening.sets_failed') : undefined)}
              >
                {(c) => (
                  <select
                    {...c}
                    value={setId}
                    onChange={(e) => {
                      setSetId(e.currentTarget.value);
                      setTicked({});
                      setClientErrors({});
                      setSaveError(null);
                    }}
                  >
                    <option value="">{sets.state.kind === 'loading' ? t('common.loading') : t('common.choose')}</option>
                    {summaries.map((s) => (
                      <option key={s.id} value={s.id}>
                        {pickLabel(s.title, lang).text}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <RadioGroup
              name="person_group"
              legend={t('screening.group')}
              inline
              options={PERSON_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
              value={group}
              onChange={setGroup}
              hint={t('screening.group_hint')}
              error={errors['person_group']}
            />
            {chosen?.kind === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
            {chosen?.kind === 'error' ? (
              <Alert kind="error">{t('screening.set_failed')}</Alert>
            ) : null}
            {chosen?.kind === 'ready' ? (
              <>
                <details class="set-about">
                  <summary>{t('screening.about_set')}</summary>
                  {chosen.value.source ? (
                    <p>
                      <span class="muted">{t('screening.source')}</span> <English text={chosen.value.source} as="span" />
                    </p>
                  ) : null}
                  {chosen.value.notes?.length ? (
                    <ul>
                      {chosen.value.notes.map((n, i) => (
                        <li key={i}>
                          <English text={n} as="span" />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </details>
                <Checklist
                  set={chosen.value}
                  ticked={ticked}
                  onChange={setTicked}
                  errors={errors}
                  groupError={errors['observations']}
                />
              </>
            ) : errors['observations'] ? (
              <p class="field-error">{errors['observations']}</p>
            ) : null}
            <div class="actions">
              <button type="submit" class="primary">
                {busy ? t('common.saving') : t('screening.submit')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : null}
      {!mayChange ? <p class="note">{t('casework.readonly')}</p> : null}

      <h3 id="screening-list-title">{t('screening.past_title')}</h3>
      <WhenLoaded loaded={screenings.state} onRetry={screenings.retry}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('screening.none')}</p>
          ) : (
            <ol class="records screenings" aria-labelledby="screening-list-title">
              {list.map((s) => (
                <PastScreening key={s.id} screening={s} open={false} />
              ))}
            </ol>
          )
        }
      </WhenLoaded>
    </section>
  );
}
