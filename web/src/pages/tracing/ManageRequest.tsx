// Handing a request to another tracing officer (supervisors) and closing it
// with an outcome (its officer or a supervisor). Both carry the version the
// page was read at, so a change by someone else is reported, not overwritten.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Alert, Field } from '../../components/Field';
import { splitError } from '../../errors';
import { focusFirstError } from '../../focus';
import { useI18n } from '../../i18n';
import { useOrgUsers, useUser } from '../../session';
import { tracingApi, type TracingChange, type TracingRequest } from '../../tracingApi';
import { generalText } from '../casework/common';
import { OfficerField } from './OfficerField';

const TEXT_MAX = 4000;

interface Props {
  request: TracingRequest;
  onDone: (r: TracingRequest, what: 'closed' | 'reassigned') => void;
  onConflict: () => void;
}

export function ManageRequest({ request, onDone, onConflict }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const users = useOrgUsers(user.id);
  const [officer, setOfficer] = useState(String(request.officer.id));
  const [outcome, setOutcome] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);

  const send = async (body: TracingChange, what: 'closed' | 'reassigned') => {
    setBusy(true);
    setErr(null);
    try {
      onDone(await tracingApi.change(request.id, body), what);
    } catch (ex) {
      // A closed request or a newer version: the page is out of date.
      if (ex instanceof ApiError && (ex.code === 'conflict' || ex.code === 'failed_precondition')) onConflict();
      else {
        setErr(ex);
        focusFirstError();
      }
      setBusy(false);
    }
  };

  const split = err ? splitError(t, err, ['officer_id', 'outcome']) : null;

  const reassign = (e: Event) => {
    e.preventDefault();
    if (busy || Number(officer) === request.officer.id) return;
    void send({ version: request.version, officer_id: Number(officer) }, 'reassigned');
  };
  const close = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!outcome.trim()) {
      setMissing(true);
      focusFirstError();
      return;
    }
    void send({ version: request.version, status: 'closed', outcome: outcome.trim() }, 'closed');
  };

  return (
    <>
      {split?.general ? <Alert kind="error">{generalText(t, split)}</Alert> : null}
      {request.may_reassign ? (
        <form onSubmit={reassign} noValidate class="card" aria-labelledby="reassign-title">
          <h2 id="reassign-title">{t('tracing.reassign_title')}</h2>
          <OfficerField
            value={officer}
            onChange={setOfficer}
            users={users}
            me={user}
            current={request.officer}
            error={split?.fields['officer_id']}
          />
          <div class="actions">
            <button type="submit" disabled={busy || Number(officer) === request.officer.id}>
              {t('tracing.reassign')}
            </button>
          </div>
        </form>
      ) : null}
      <form onSubmit={close} noValidate class="card" aria-labelledby="close-title">
        <h2 id="close-title">{t('tracing.close_title')}</h2>
        <p class="hint">{t('tracing.close_hint')}</p>
        <Field
          name="outcome"
          label={t('tracing.outcome')}
          error={missing && !outcome.trim() ? t('tracing.v_outcome') : split?.fields['outcome']}
          required
          requiredText={t('common.required')}
        >
          {(c) => <textarea {...c} rows={3} dir="auto" maxLength={TEXT_MAX} value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('tracing.close')}
          </button>
        </div>
      </form>
    </>
  );
}
