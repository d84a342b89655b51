// Rights notice on the case page: the notice (what help the person can get,
// their rights, confidentiality) in a chosen version and language, shown and
// printable, and the receipts — which version the person was given, in which
// language, newest first — with a form to record one. The notice language is
// chosen apart from the interface language: a worker reading Thai screens may
// give a Khmer notice.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type Case, type RightsNotice, type RightsNoticeReceipt } from '../../api';
import { Alert, Checkbox, Field } from '../../components/Field';
import { splitError, type FieldErrors } from '../../errors';
import { focusFirstError } from '../../focus';
import { formatDate, formatDateTime, languageName, localToday } from '../../format';
import { LANGUAGES, langTag, loadCatalogue, makeT, useI18n, type Dict, type LangCode } from '../../i18n';
import { generalText, pickLabel, useLoaded, WhenLoaded } from './common';

const FIELDS = ['version', 'language', 'interpreter_used'];

function noticeLanguage(code: string | undefined): LangCode | null {
  const base = (code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l.code === base)?.code ?? null;
}

// The notice body's small Markdown — `## ` headings, paragraphs separated by
// blank lines, `- ` bullet lists — as Preact elements (text only, never HTML).
export function renderNoticeBody(body: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let para: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (para.length) out.push(<p key={out.length}>{para.join(' ')}</p>);
    if (items.length) {
      out.push(
        <ul key={out.length}>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>,
      );
    }
    para = [];
    items = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
    } else if (/^##\s/.test(line)) {
      flush();
      out.push(<h4 key={out.length}>{line.replace(/^##\s+/, '')}</h4>);
    } else if (/^[-*]\s/.test(line)) {
      if (para.length) flush();
      items.push(line.replace(/^[-*]\s+/, ''));
    } else if (items.length) {
      // A line under a bullet without a blank line continues that bullet.
      items[items.length - 1] += ` ${line}`;
    } else {
      para.push(line);
    }
  }
  flush();
  return out;
}

// The screen strings of the notice's own language, for what is printed with it.
function useNoticeStrings(code: LangCode): Dict | null {
  const [dict, setDict] = useState<Dict | null>(null);
  useEffect(() => {
    let live = true;
    setDict(null);
    loadCatalogue(code).then(
      (d) => live && setDict(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return dict;
}

function NoticePanel({ notice, code, reference }: { notice: RightsNotice; code: LangCode; reference: string }) {
  const { t, tag: uiTag } = useI18n();
  const dict = useNoticeStrings(code);
  const tag = langTag(code);
  // Printed with the notice: the case reference and the date, in the notice's language; no names.
  const metaTag = dict ? tag : uiTag;
  const nt = dict ? makeT(dict) : t;
  return (
    <article class="card rights-notice print-area" lang={tag} aria-labelledby="rights-notice-title">
      <p class="print-only print-meta" lang={metaTag}>
        {nt('rights.print_meta', { reference, date: formatDate(localToday(), metaTag) })}
      </p>
      <h3 id="rights-notice-title" dir="auto">
        {notice.title}
      </h3>
      <div class="rights-notice-body" dir="auto">
        {renderNoticeBody(notice.body)}
      </div>
      <p class="muted rights-notice-version" lang={metaTag}>
        {nt('rights.version_line', { version: notice.version })}
      </p>
    </article>
  );
}

function Receipt({ r }: { r: RightsNoticeReceipt }) {
  const { t, tag } = useI18n();
  const language = languageName(r.language, tag);
  return (
    <li class="record" data-id={r.id}>
      <div class="record-head">
        <strong class="record-title">{t('rights.receipt_title', { language, version: r.version })}</strong>
        {r.interpreter_used ? <span class="badge badge--neutral">{t('rights.interpreter_badge')}</span> : null}
      </div>
      <dl class="facts facts--record">
        <div>
          <dt>{t('rights.version')}</dt>
          <dd dir="auto">{r.version}</dd>
        </div>
        <div>
          <dt>{t('rights.language')}</dt>
          <dd class="receipt-language">{language}</dd>
        </div>
        <div>
          <dt>{t('rights.interpreter')}</dt>
          <dd>{r.interpreter_used ? t('rights.interpreter_yes') : t('rights.interpreter_no')}</dd>
        </div>
        <div>
          <dt>{t('rights.given')}</dt>
          <dd>{t('case.by', { when: formatDateTime(r.given_at, tag), who: r.given_by?.display_name ?? '' })}</dd>
        </div>
      </dl>
    </li>
  );
}

export function RightsTab({ kase, mayChange }: { kase: Case; mayChange: boolean }) {
  const { t, tag, lang } = useI18n();
  const versions = useLoaded(() => api.rightsNotices(), []);
  const receipts = useLoaded(() => api.listRightsNotices(kase.id).then((r) => r.items ?? []), [kase.id]);
  const [chosenVersion, setChosenVersion] = useState('');
  const [noticeLang, setNoticeLang] = useState<LangCode>(() => noticeLanguage(kase.person.languages?.[0]) ?? lang);
  const [interpreter, setInterpreter] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const latest = versions.state.kind === 'ready' ? versions.state.value.latest : '';
  const version = chosenVersion || latest;
  const shown = useLoaded(
    () => (version ? api.rightsNotice(version, noticeLang) : new Promise<RightsNotice>(() => undefined)),
    [version, noticeLang],
  );
  const ready = shown.state.kind === 'ready' ? shown.state.value : null;

  const split = saveError ? splitError(t, saveError, FIELDS) : null;
  const errors: FieldErrors = split?.fields ?? {};

  const choose = (f: () => void) => {
    f();
    setNotice(null);
    setSaveError(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || !ready) return;
    setNotice(null);
    setSaveError(null);
    setBusy(true);
    try {
      const created = await api.recordRightsNotice(kase.id, {
        version: ready.version,
        language: noticeLang,
        interpreter_used: interpreter,
      });
      receipts.update((list) => [created, ...list.filter((r) => r.id !== created.id)]);
      setInterpreter(false);
      setNotice('rights.recorded_notice');
    } catch (err) {
      setSaveError(err);
      focusFirstError();
    }
    setBusy(false);
  };

  return (
    <section class="tab-panel" aria-labelledby="rights-title">
      <h2 id="rights-title">{t('rights.title')}</h2>
      <p class="lead">{t('rights.intro')}</p>

      <WhenLoaded loaded={versions.state} onRetry={versions.retry}>
        {(v) => (
          <>
            <div class="grid rights-choice">
              <Field name="version" label={t('rights.version')} error={errors['version']}>
                {(c) => (
                  <select {...c} value={version} onChange={(e) => choose(() => setChosenVersion(e.currentTarget.value))}>
                    {v.items.map((item) => (
                      <option key={item.version} value={item.version}>
                        {item.version === v.latest
                          ? t('rights.version_option_latest', { version: item.version, title: pickLabel(item.titles, lang).text })
                          : t('rights.version_option', { version: item.version, title: pickLabel(item.titles, lang).text })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="language" label={t('rights.notice_language')} hint={t('rights.notice_language_hint')} error={errors['language']}>
                {(c) => (
                  <select {...c} value={noticeLang} onChange={(e) => choose(() => setNoticeLang(e.currentTarget.value as LangCode))}>
                    {LANGUAGES.map((l) => (
                      <option key={l.code} value={l.code}>
                        {`${languageName(l.code, tag)} (${l.name})`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>

            <WhenLoaded loaded={shown.state} onRetry={shown.retry}>
              {(n) => (
                <>
                  <NoticePanel notice={n} code={noticeLang} reference={kase.reference} />
                  <div class="actions rights-actions">
                    <button type="button" onClick={() => window.print()}>
                      {t('rights.print')}
                    </button>
                  </div>
                </>
              )}
            </WhenLoaded>
          </>
        )}
      </WhenLoaded>

      {mayChange ? (
        <form class="card casework-form" onSubmit={submit} noValidate aria-labelledby="rights-form-title">
          <h3 id="rights-form-title">{t('rights.form_title')}</h3>
          {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
          {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
          <p>
            {ready
              ? t('rights.form_what', { version: ready.version, language: languageName(noticeLang, tag) })
              : t('common.loading')}
          </p>
          <fieldset class="plain" disabled={busy || !ready}>
            <Checkbox name="interpreter_used" label={t('rights.interpreter_used')} checked={interpreter} onChange={setInterpreter} />
            <div class="actions">
              <button type="submit" class="primary">
                {busy ? t('common.saving') : t('rights.submit')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <p class="note">{t('casework.readonly')}</p>
      )}

      <h3 id="rights-list-title">{t('rights.history_title')}</h3>
      <WhenLoaded loaded={receipts.state} onRetry={receipts.retry}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('rights.none')}</p>
          ) : (
            <ol class="records rights-receipts" aria-labelledby="rights-list-title">
              {list.map((r) => (
                <Receipt key={r.id} r={r} />
              ))}
            </ol>
          )
        }
      </WhenLoaded>
    </section>
  );
}
